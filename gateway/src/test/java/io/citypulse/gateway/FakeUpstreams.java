package io.citypulse.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Small HTTP services on 127.0.0.1 that answer like the upstreams: every request path is echoed
 * back as JSON with the headers the gateway passed on; {@code /q/health/ready}, {@code /q/metrics}
 * and {@code /q/openapi} answer like Quarkus services. Paths containing {@code /slow} answer after
 * 3 seconds; sensors named {@code hidden-*} answer 404.
 *
 * <p>Tests steer each service through its control port ({@link #controlPort}): {@code POST
 * /mode/ok}, {@code /mode/fail} (every API request answers 503), {@code /down} (the service port is
 * closed) and {@code /up}.
 */
final class FakeUpstreams {

  /**
   * Returns the latency histogram after {@code scrapes} scrapes: 100 more readings each time, 50
   * under 10 ms, 40 under 100 ms, 10 under 1 s, averaging 25 ms.
   */
  static String metrics(int scrapes) {
    return """
        # TYPE citypulse_ingest_received_to_stored_seconds histogram
        citypulse_ingest_received_to_stored_seconds_bucket{le="0.01"} %1$d.0
        citypulse_ingest_received_to_stored_seconds_bucket{le="0.1"} %2$d.0
        citypulse_ingest_received_to_stored_seconds_bucket{le="1.0"} %3$d.0
        citypulse_ingest_received_to_stored_seconds_bucket{le="+Inf"} %3$d.0
        citypulse_ingest_received_to_stored_seconds_count %3$d.0
        citypulse_ingest_received_to_stored_seconds_sum %4$s
        """
        .formatted(50 * scrapes, 90 * scrapes, 100 * scrapes, 2.5 * scrapes);
  }

  private final Vertx vertx = Vertx.vertx();
  private final Map<String, Fake> fakes = new TreeMap<>();

  /** Starts one fake per name and returns them. */
  static FakeUpstreams start(String... names) {
    FakeUpstreams upstreams = new FakeUpstreams();
    for (String name : names) {
      upstreams.fakes.put(name, upstreams.new Fake(name));
    }
    return upstreams;
  }

  int port(String name) {
    return fakes.get(name).port;
  }

  int controlPort(String name) {
    return fakes.get(name).controlPort;
  }

  void close() {
    vertx.close();
  }

  private final class Fake {
    private final String name;
    private HttpServer server;
    private final int port;
    private final int controlPort;
    private volatile boolean failing;
    private final Set<String> dropped = ConcurrentHashMap.newKeySet();
    private int scrapes;

    Fake(String name) {
      this.name = name;
      this.server = listen(0);
      this.port = server.actualPort();
      this.controlPort =
          await(vertx.createHttpServer().requestHandler(this::control).listen(0, "127.0.0.1"))
              .actualPort();
    }

    private HttpServer listen(int onPort) {
      return await(
          vertx.createHttpServer().requestHandler(this::serve).listen(onPort, "127.0.0.1"));
    }

    /** Runs on the fakes' event loop, so it must not block: each command answers when done. */
    private void control(HttpServerRequest request) {
      switch (request.path()) {
        case "/mode/ok" -> {
          failing = false;
          request.response().end("ok");
        }
        case "/mode/fail" -> {
          failing = true;
          request.response().end("ok");
        }
        case "/down" -> {
          HttpServer running = server;
          server = null;
          if (running == null) {
            request.response().end("ok");
          } else {
            running.close().onComplete(done -> request.response().end("ok"));
          }
        }
        case "/up" -> {
          if (server != null) {
            request.response().end("ok");
            return;
          }
          vertx
              .createHttpServer()
              .requestHandler(this::serve)
              .listen(port, "127.0.0.1")
              .onSuccess(
                  started -> {
                    server = started;
                    request.response().end("ok");
                  })
              .onFailure(failure -> request.response().setStatusCode(500).end(failure.toString()));
        }
        default -> request.response().setStatusCode(404).end();
      }
    }

    private void serve(HttpServerRequest request) {
      String path = request.path();
      if (path.equals("/q/health/ready")) {
        request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
      } else if (path.equals("/q/metrics")) {
        request.response().putHeader("Content-Type", "text/plain").end(metrics(++scrapes));
      } else if (path.equals("/q/openapi")) {
        request
            .response()
            .putHeader("Content-Type", "application/json")
            .end("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"" + name + "\"}}");
      } else if (failing) {
        request.response().setStatusCode(503).putHeader("X-Upstream", name).end("{}");
      } else if (path.startsWith("/api/sensors/hidden-")) {
        request.response().setStatusCode(404).end();
      } else if (path.contains("/drop-once") && dropped.add(request.query())) {
        // The connection closes under the request, as when the service closes a kept-alive
        // connection at the moment the gateway reuses it. The same query gets a response next time.
        request.connection().close();
      } else if (path.contains("/stall-body")) {
        // Headers and a first chunk, then nothing: a service stuck in the middle of its response.
        request.response().setChunked(true).putHeader("X-Upstream", name).write("{\"partial\":");
      } else if (path.contains("/slow")) {
        echo(request, 3000);
      } else {
        echo(request, 0);
      }
    }

    /** Reads the whole body, then responds with what arrived after a delay in milliseconds. */
    private void echo(HttpServerRequest request, long delay) {
      request
          .body()
          .onSuccess(
              body -> {
                if (delay > 0) {
                  vertx.setTimer(delay, id -> answer(request, body.toString()));
                } else {
                  answer(request, body.toString());
                }
              });
    }

    private void answer(HttpServerRequest request, String body) {
      JsonObject echo =
          new JsonObject()
              .put("service", name)
              .put("method", request.method().name())
              .put("path", request.path())
              .put("query", request.query())
              .put("requestId", request.getHeader("X-Request-Id"))
              .put("traceparent", request.getHeader("traceparent"))
              .put("authorization", request.getHeader("Authorization"))
              .put("forwardedFor", request.getHeader("X-Forwarded-For"))
              .put("body", body);
      request
          .response()
          .putHeader("Content-Type", "application/json")
          .putHeader("X-Upstream", name)
          .end(echo.encode());
    }
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Fake upstream operation failed", e);
    }
  }
}
