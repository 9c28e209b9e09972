import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP load at a fixed request rate, as many users who each keep one connection and send requests
 * at a steady pace. wrk sends the next request as soon as the last response arrives, so at 500
 * connections its latency is mostly time spent in a saturated queue. This client sends request n
 * at start + n / rate, whether or not earlier responses have arrived, on the connection of user n %
 * users. It measures each latency from that planned time, so a slow response also counts for the
 * requests queued behind it. Each request carries the next token of the tokens file in turn.
 * Prints RESULT avg_ms p99_ms requests errors, then the p50 and the maximum. Run by run.sh.
 */
public class HttpLoad {

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    URI base = URI.create(options.get("url"));
    String path = options.get("path");
    int users = Integer.parseInt(options.getOrDefault("users", "500"));
    int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
    List<String> tokens =
        Files.readAllLines(Path.of(options.get("tokens"))).stream()
            .filter(line -> !line.isBlank())
            .toList();

    Vertx vertx = Vertx.vertx();
    HttpClient[] connections = new HttpClient[users];
    for (int u = 0; u < users; u++) {
      connections[u] =
          vertx.createHttpClient(
              new HttpClientOptions()
                  .setDefaultHost(base.getHost())
                  .setDefaultPort(base.getPort())
                  .setKeepAlive(true),
              new PoolOptions().setHttp1MaxSize(1));
    }

    long warmupRequests = (long) rate * warmup;
    long total = warmupRequests + (long) rate * seconds;
    long[] latencies = new long[(int) (total - warmupRequests)];
    Arrays.fill(latencies, -1);
    AtomicLong errors = new AtomicLong();
    CountDownLatch done = new CountDownLatch((int) total);
    long start = System.nanoTime();
    for (long n = 0; n < total; n++) {
      long planned = start + n * 1_000_000_000L / rate;
      long wait = planned - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int slot = (int) (n - warmupRequests);
      RequestOptions request =
          new RequestOptions()
              .setMethod(HttpMethod.GET)
              .setURI(path)
              .putHeader("Authorization", "Bearer " + tokens.get((int) (n % tokens.size())));
      connections[(int) (n % users)]
          .request(request)
          .compose(req -> req.send())
          .compose(
              response -> {
                if (response.statusCode() >= 400 && slot >= 0) {
                  errors.incrementAndGet();
                }
                return response.body();
              })
          .onComplete(
              result -> {
                if (slot >= 0) {
                  if (result.failed()) {
                    errors.incrementAndGet();
                  }
                  latencies[slot] = System.nanoTime() - planned;
                }
                done.countDown();
              });
    }
    if (!done.await(60, TimeUnit.SECONDS)) {
      System.err.println(done.getCount() + " requests had no response 60 s after the last was sent");
    }

    // A request without a response counts as an error and not in the latencies.
    long[] sorted = Arrays.stream(latencies).filter(latency -> latency >= 0).sorted().toArray();
    errors.addAndGet(latencies.length - sorted.length);
    double average = Arrays.stream(sorted).average().orElse(0) / 1e6;
    System.out.printf(
        "RESULT %.2f %.2f %d %d%n",
        average, sorted[(int) (sorted.length * 0.99)] / 1e6, latencies.length, errors.get());
    System.out.printf(
        "p50 %.2f ms, max %.2f ms%n",
        sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6);
    vertx.close();
  }
}
