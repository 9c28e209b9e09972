package io.citypulse.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citypulse.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes API requests on {@code citypulse.audit.events} as binary-mode CloudEvents, keyed by
 * actor id. Requests never wait for Kafka: {@link #publish} puts the event into a bounded buffer,
 * and a timer hands buffered events to Kafka with at most {@code max-in-flight} unacknowledged.
 * When the buffer is full the event is dropped and counted in {@code
 * citypulse_gateway_audit_dropped_total}.
 */
@ApplicationScoped
public class AuditPublisher {

  private static final long DRAIN_INTERVAL_MS = 20;

  private final GatewayConfig.Audit config;
  private final MutinyEmitter<String> emitter;
  private final ObjectMapper json;
  private final Vertx vertx;
  private final ArrayBlockingQueue<ApiRequest> buffer;
  private final Semaphore inFlight;
  private final URI source;
  private final Counter dropped;
  private final Counter failed;
  private long timerId = -1;

  public AuditPublisher(
      GatewayConfig config,
      @Channel("audit-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
          MutinyEmitter<String> emitter,
      ObjectMapper json,
      Vertx vertx,
      MeterRegistry registry) {
    this.config = config.audit();
    this.emitter = emitter;
    this.json = json;
    this.vertx = vertx;
    this.buffer = new ArrayBlockingQueue<>(Math.max(1, this.config.bufferSize()));
    // Never more in flight than the emitter buffers, so the emitter itself never overflows.
    this.inFlight = new Semaphore(Math.min(this.config.maxInFlight(), 4096));
    this.source = URI.create(this.config.source());
    this.dropped =
        Counter.builder("citypulse.gateway.audit.dropped")
            .description("API request audit events dropped because the buffer was full")
            .register(registry);
    this.failed =
        Counter.builder("citypulse.gateway.audit.failed")
            .description("API request audit events that Kafka did not acknowledge")
            .register(registry);
    Gauge.builder("citypulse.gateway.audit.buffered", buffer, ArrayBlockingQueue::size)
        .description("API request audit events waiting to be sent")
        .register(registry);
  }

  void start(@Observes StartupEvent event) {
    if (config.enabled()) {
      timerId = vertx.setPeriodic(DRAIN_INTERVAL_MS, id -> drain());
    }
  }

  void stop(@Observes ShutdownEvent event) {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    drain();
  }

  /** Buffers the event for sending; drops and counts it when the buffer is full. */
  public void publish(ApiRequest request) {
    if (!config.enabled()) {
      return;
    }
    if (!buffer.offer(request)) {
      dropped.increment();
    }
  }

  private void drain() {
    while (!buffer.isEmpty() && inFlight.tryAcquire()) {
      ApiRequest request = buffer.poll();
      if (request == null) {
        inFlight.release();
        return;
      }
      send(request);
    }
  }

  private void send(ApiRequest request) {
    String payload;
    try {
      payload = json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      inFlight.release();
      failed.increment();
      Log.errorf(e, "Audit event of request %s cannot be written as JSON", request.requestId());
      return;
    }
    OutgoingCloudEventMetadata<String> cloudEvent =
        OutgoingCloudEventMetadata.<String>builder()
            .withId(UUID.randomUUID().toString())
            .withType(ApiRequest.EVENT_TYPE)
            .withSource(source)
            .withTimestamp(request.occurredAt().atZone(ZoneOffset.UTC))
            .build();
    OutgoingKafkaRecordMetadata<String> kafka =
        OutgoingKafkaRecordMetadata.<String>builder().withKey(request.user()).build();
    emitter
        .sendMessage(Message.of(payload).addMetadata(cloudEvent).addMetadata(kafka))
        .subscribe()
        .with(
            ack -> inFlight.release(),
            failure -> {
              inFlight.release();
              failed.increment();
              // One line per 1000 failures, so an unreachable broker does not flood the log.
              if ((long) failed.count() % 1000 == 1) {
                Log.warnf(
                    "Audit event of request %s was not sent (%d failures so far): %s",
                    request.requestId(), (long) failed.count(), failure.getMessage());
              }
            });
  }
}
