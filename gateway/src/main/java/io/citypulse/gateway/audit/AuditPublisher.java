package io.citypulse.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.citypulse.events.Topics;
import io.citypulse.gateway.config.GatewayConfig;
import io.citypulse.gateway.edge.RequestIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes API requests on {@code citypulse.audit.events} as binary-mode CloudEvents, keyed by
 * actor id. Requests never wait for Kafka: {@link #publish} puts the event into a bounded buffer,
 * and a thread of its own writes buffered events and hands them to a Kafka producer, which batches
 * and compresses them. When the buffer is full the event is dropped and counted in {@code
 * citypulse_gateway_audit_dropped_total}.
 *
 * <p>A plain producer rather than a reactive messaging emitter: one event per API request made the
 * emitter's per-message machinery a visible share of the gateway's CPU under load.
 */
@ApplicationScoped
public class AuditPublisher {

  private static final byte[] SPEC_VERSION = bytes("1.0");
  private static final byte[] EVENT_TYPE = bytes(ApiRequest.EVENT_TYPE);
  private static final byte[] JSON = bytes("application/json");

  private final GatewayConfig.Audit config;
  private final String bootstrapServers;
  private final ObjectWriter writer;
  private final ArrayBlockingQueue<ApiRequest> buffer;
  private final byte[] source;
  private final Counter dropped;
  private final Counter failed;
  private volatile boolean running;
  private KafkaProducer<String, byte[]> producer;
  private Thread sender;

  public AuditPublisher(
      GatewayConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      ObjectMapper json,
      MeterRegistry registry) {
    this.config = config.audit();
    this.bootstrapServers = bootstrapServers;
    this.writer = json.writerFor(ApiRequest.class);
    this.buffer = new ArrayBlockingQueue<>(Math.max(1, this.config.bufferSize()));
    this.source = bytes(this.config.source());
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
    if (!config.enabled()) {
      return;
    }
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                "gateway-audit",
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                // Much of a produce request's cost, on the producer and on the broker, is per
                // request, so events wait up to 100 ms to share one. Audit can wait that long.
                ProducerConfig.LINGER_MS_CONFIG,
                100,
                ProducerConfig.BATCH_SIZE_CONFIG,
                131_072,
                // Uncompressed: lz4 took about 6 % of the gateway's CPU under load, for events of
                // a few hundred bytes that the broker would have to decompress again to check.
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "none"),
            new StringSerializer(),
            new ByteArraySerializer());
    running = true;
    sender = new Thread(this::sendUntilStopped, "gateway-audit-sender");
    sender.setDaemon(true);
    sender.start();
  }

  void stop(@Observes ShutdownEvent event) {
    if (sender == null) {
      return;
    }
    running = false;
    try {
      sender.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
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

  /** Runs on the sender thread: hands buffered events to the producer until shutdown. */
  private void sendUntilStopped() {
    while (running || !buffer.isEmpty()) {
      try {
        ApiRequest request = buffer.poll(100, TimeUnit.MILLISECONDS);
        if (request != null) {
          send(request);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        failed.increment();
        Log.errorf(e, "Audit event was not handed to Kafka");
      }
    }
  }

  private void send(ApiRequest request) {
    byte[] payload;
    try {
      payload = writer.writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      failed.increment();
      Log.errorf(e, "Audit event of request %s cannot be written as JSON", request.requestId());
      return;
    }
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_specversion", SPEC_VERSION);
    headers.add("ce_id", bytes(RequestIds.randomUuid().toString()));
    headers.add("ce_type", EVENT_TYPE);
    headers.add("ce_source", source);
    headers.add("ce_time", bytes(request.occurredAt().toString()));
    headers.add("content-type", JSON);
    producer.send(
        new ProducerRecord<>(Topics.AUDIT_EVENTS, null, request.user(), payload, headers),
        (metadata, failure) -> {
          if (failure != null) {
            failed.increment();
            // One line per 1000 failures, so an unreachable broker does not flood the log.
            if ((long) failed.count() % 1000 == 1) {
              Log.warnf(
                  "Audit event of request %s was not sent (%d failures so far): %s",
                  request.requestId(), (long) failed.count(), failure.getMessage());
            }
          }
        });
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
