import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * WebSocket load of the gateway: opens N sockets on 127.0.0.1:8080/ws subscribed to every
 * building, publishes readings at a fixed rate to citypulse.readings.validated on 127.0.0.1:19092
 * with the publish time in benchPublishedAt, and prints the delay from publish to delivery over all
 * deliveries. Each event of a batch message counts as one delivery with its own delay. Run by
 * run.sh.
 */
public class LiveLoad {

  private static final String PUBLISHED_AT = "\"benchPublishedAt\":";

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int clients = Integer.parseInt(options.getOrDefault("clients", "500"));
    int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
    // Published at the same rate before the measured period and not counted, as the HTTP part
    // warms up: a JVM that has just started runs its code interpreted.
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
    String token = options.get("token");

    Vertx vertx = Vertx.vertx();
    // Vert.x allows 50 WebSockets per endpoint by default.
    HttpClient http =
        vertx.createHttpClient(
            new HttpClientOptions().setMaxPoolSize(clients).setMaxWebSockets(clients));
    // Delays in milliseconds, one slot per delivery; 1 minute of 1000 readings to 500 clients fits.
    long[] delays = new long[Math.max(1, clients * rate * (seconds + 5))];
    AtomicLong deliveries = new AtomicLong();
    CountDownLatch subscribed = new CountDownLatch(clients);
    for (int i = 0; i < clients; i++) {
      WebSocketConnectOptions connect =
          new WebSocketConnectOptions().setHost("127.0.0.1").setPort(8080).setURI("/ws");
      http.webSocket(connect)
          .onSuccess(
              socket -> {
                socket.textMessageHandler(
                    text -> {
                      // Readings and batches are only scanned for their publish times: parsing
                      // half a million JSON objects per second would make this client, not the
                      // gateway, the bottleneck on a small machine.
                      if (text.startsWith("{\"type\":\"reading\"")
                          || text.startsWith("{\"type\":\"batch\"")) {
                        recordDeliveries(text, delays, deliveries);
                        return;
                      }
                      JsonObject message = new JsonObject(text);
                      switch (message.getString("type")) {
                        case "authenticated" ->
                            socket.writeTextMessage("{\"type\":\"subscribe\",\"buildings\":[\"*\"]}");
                        case "subscribed" -> subscribed.countDown();
                        case "error" -> System.err.println("socket error: " + text);
                        default -> {}
                      }
                    });
                socket.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).encode());
              })
          .onFailure(failure -> System.err.println("connect failed: " + failure.getMessage()));
    }
    if (!subscribed.await(60, TimeUnit.SECONDS)) {
      System.err.println("only " + (clients - subscribed.getCount()) + " sockets subscribed");
    }

    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:19092",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.LINGER_MS_CONFIG, 1);
    long published = 0;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      long start = System.nanoTime();
      long warmupReadings = (long) rate * warmup;
      long total = warmupReadings + (long) rate * seconds;
      for (long n = 0; n < total; n++) {
        long due = start + n * 1_000_000_000L / rate;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        String sensor = "bench-ws-" + (n % 100);
        String now = Instant.now().toString();
        boolean measured = n >= warmupReadings;
        // Only measured readings carry their publish time, so warm-up deliveries are not counted.
        String reading =
            new JsonObject()
                .put("sensorId", sensor)
                .put("buildingId", "benchmark")
                .put("metric", "temperature")
                .put("value", n % 30)
                .put("unit", "Cel")
                .put("observedAt", now)
                .put("receivedAt", now)
                .put("qualityFlags", List.of())
                .put(measured ? "benchPublishedAt" : "benchWarmup", System.currentTimeMillis())
                .encode();
        producer.send(new ProducerRecord<>("citypulse.readings.validated", sensor, reading));
        if (measured) {
          published++;
        }
      }
    }
    Thread.sleep(3000);

    int count = (int) Math.min(deliveries.get(), delays.length);
    long[] sorted = Arrays.copyOf(delays, count);
    Arrays.sort(sorted);
    System.out.printf(
        "published %d readings after the warm-up, %d deliveries (%d without coalescing), delay p50 %d ms, p99 %d ms, max %d ms%n",
        published,
        count,
        published * clients,
        count == 0 ? 0 : sorted[count / 2],
        count == 0 ? 0 : sorted[(int) Math.min(count - 1, Math.floor(count * 0.99))],
        count == 0 ? 0 : sorted[count - 1]);
    http.close();
    vertx.close();
  }

  /**
   * Records the delay of every benchmark reading in a reading or batch message, from the publish
   * time in its {@code benchPublishedAt} member (epoch milliseconds) to now.
   */
  private static void recordDeliveries(String text, long[] delays, AtomicLong deliveries) {
    long now = System.currentTimeMillis();
    int from = 0;
    while ((from = text.indexOf(PUBLISHED_AT, from)) >= 0) {
      int start = from + PUBLISHED_AT.length();
      int end = start;
      while (end < text.length() && Character.isDigit(text.charAt(end))) {
        end++;
      }
      long delay = now - Long.parseLong(text, start, end, 10);
      long index = deliveries.getAndIncrement();
      if (index < delays.length) {
        delays[(int) index] = delay;
      }
      from = end;
    }
  }
}
