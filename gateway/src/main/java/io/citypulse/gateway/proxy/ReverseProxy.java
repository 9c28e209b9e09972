package io.citypulse.gateway.proxy;

import io.citypulse.gateway.edge.ExchangeKeys;
import io.citypulse.gateway.edge.Problems;
import io.citypulse.gateway.edge.RequestIds;
import io.citypulse.problem.Problem;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Forwards a request to its upstream service with the Vert.x HTTP client and streams both bodies
 * through without buffering them. The bearer token is forwarded unchanged, so the service checks it
 * again.
 *
 * <p>Failures become problem+json naming the service: 503 when the service is not configured, its
 * circuit is open or no connection can be made; 504 when the response headers do not arrive within
 * the service's {@code timeout}; 502 when the connection breaks. Only GET, HEAD, PUT and DELETE are
 * retried: after a failed connect, and once when a kept-alive connection closes under a request
 * without a body before any response arrived.
 *
 * <p>NOTE: vertx-http-proxy 4.5 responds to origin failures with a bare 502 and offers no hook for
 * a problem+json body, a 503/504 distinction or connect retries, so this class uses the core HTTP
 * client that library is built on.
 */
@ApplicationScoped
public class ReverseProxy {

  private static final Set<HttpMethod> IDEMPOTENT =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT, HttpMethod.DELETE);

  /** Hop-by-hop headers (RFC 9110 section 7.6.1), never forwarded in either direction. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host");

  private final Upstreams upstreams;
  private final Problems problems;
  private final Vertx vertx;

  public ReverseProxy(Upstreams upstreams, Problems problems, Vertx vertx) {
    this.upstreams = upstreams;
    this.problems = problems;
    this.vertx = vertx;
  }

  /** Forwards the request, which must still be paused, to the service of the route. */
  public void forward(RoutingContext context, RouteMatch route) {
    Upstream upstream = upstreams.get(route.service()).orElse(null);
    if (upstream == null) {
      reject(
          context,
          Problems.serviceUnavailable(
              route.service(),
              "The service '"
                  + route.service()
                  + "' is not configured in this gateway. Set citypulse.gateway.services."
                  + route.service()
                  + ".url once it is deployed."));
      return;
    }
    long now = System.nanoTime();
    if (!upstream.breaker().tryAcquire(now)) {
      context
          .response()
          .putHeader("Retry-After", Long.toString(upstream.breaker().secondsUntilTrial(now)));
      reject(
          context,
          Problems.serviceUnavailable(
              upstream.name(),
              "The service '"
                  + upstream.name()
                  + "' failed repeatedly, so the gateway stops sending it requests for a while"
                  + " (circuit open). Retry after the time in Retry-After."));
      return;
    }
    RequestOptions options = requestOptions(context, upstream);
    boolean idempotent = IDEMPOTENT.contains(options.getMethod());
    attempt(context, upstream, options, idempotent ? upstream.config().retries() : 0, idempotent);
  }

  /**
   * One attempt to connect and exchange. {@code resendable} is true while a lost connection may be
   * retried on a fresh one: for an idempotent request, once, before any response byte arrived.
   */
  private void attempt(
      RoutingContext context,
      Upstream upstream,
      RequestOptions options,
      int connectRetries,
      boolean resendable) {
    connect(upstream, options, connectRetries)
        .onSuccess(request -> exchange(context, upstream, options, request, resendable))
        .onFailure(
            failure -> {
              upstream.breaker().onFailure(System.nanoTime());
              Log.warnf("Connecting to %s failed: %s", upstream.name(), failure.getMessage());
              reject(
                  context,
                  Problems.serviceUnavailable(
                      upstream.name(),
                      "The service '"
                          + upstream.name()
                          + "' cannot be reached. Retry later; operations can see its state at"
                          + " /api/status."));
            });
  }

  private RequestOptions requestOptions(RoutingContext context, Upstream upstream) {
    HttpServerRequest in = context.request();
    RequestOptions options =
        new RequestOptions()
            .setMethod(in.method())
            .setHost(upstream.host())
            .setPort(upstream.port())
            .setSsl(upstream.ssl())
            .setURI(upstream.basePath() + in.uri())
            .setConnectTimeout(upstream.config().connectTimeout().toMillis());
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    Set<String> named = connectionNamed(in.headers());
    in.headers()
        .forEach(
            header -> {
              String name = header.getKey().toLowerCase(Locale.ROOT);
              if (!HOP_BY_HOP.contains(name) && !named.contains(name)) {
                headers.add(header.getKey(), header.getValue());
              }
            });
    headers.set(RequestIds.REQUEST_ID_HEADER, (String) context.get(ExchangeKeys.REQUEST_ID));
    headers.set(RequestIds.TRACEPARENT_HEADER, (String) context.get(ExchangeKeys.TRACEPARENT));
    String clientIp = in.remoteAddress() == null ? null : in.remoteAddress().host();
    if (clientIp != null) {
      String forwarded = in.headers().get("X-Forwarded-For");
      headers.set("X-Forwarded-For", forwarded == null ? clientIp : forwarded + ", " + clientIp);
    }
    headers.set("X-Forwarded-Proto", in.scheme());
    if (in.authority() != null) {
      headers.set("X-Forwarded-Host", in.authority().toString());
    }
    return options.setHeaders(headers);
  }

  private Future<HttpClientRequest> connect(
      Upstream upstream, RequestOptions options, int retriesLeft) {
    return upstream
        .client()
        .request(options)
        .recover(
            failure -> {
              if (retriesLeft <= 0) {
                return Future.failedFuture(failure);
              }
              Log.infof(
                  "Connecting to %s failed (%s); retrying, %d retries left",
                  upstream.name(), failure.getMessage(), retriesLeft - 1);
              Promise<HttpClientRequest> retried = Promise.promise();
              vertx.setTimer(
                  Math.max(1, upstream.config().retryBackoff().toMillis()),
                  timer -> connect(upstream, options, retriesLeft - 1).onComplete(retried));
              return retried.future();
            });
  }

  private void exchange(
      RoutingContext context,
      Upstream upstream,
      RequestOptions options,
      HttpClientRequest request,
      boolean resendable) {
    HttpServerRequest in = context.request();
    // A request without a body can be sent again as it was.
    boolean bodiless = hasNoBody(in);
    if (bodiless && !in.isEnded()) {
      // Let the paused request take its end, so the connection can carry the next request.
      in.resume();
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    long timeoutMillis = upstream.config().timeout().toMillis();
    long timer =
        vertx.setTimer(
            timeoutMillis,
            id -> {
              timedOut.set(true);
              request.reset();
            });
    context
        .response()
        .closeHandler(
            closed -> {
              if (!context.response().ended()) {
                request.reset();
              }
            });
    Future<HttpClientResponse> sent = bodiless ? request.send() : request.send(in);
    sent.onSuccess(
            response -> {
              vertx.cancelTimer(timer);
              recordOutcome(upstream, response.statusCode());
              relay(context, upstream.name(), request, response, timeoutMillis);
            })
        .onFailure(
            failure -> {
              vertx.cancelTimer(timer);
              if (context.response().closed()) {
                upstream.breaker().onAbandoned();
                return;
              }
              if (!timedOut.get() && resendable && bodiless && isConnectionLost(failure)) {
                // The service closed a kept-alive connection as the request went out, so it has not
                // processed the request. An idempotent request is sent again on a fresh
                // connection, and the failure does not count against the service.
                Log.debugf(
                    "Connection to %s closed before its response; sending the request again",
                    upstream.name());
                attempt(context, upstream, options, 0, false);
                return;
              }
              upstream.breaker().onFailure(System.nanoTime());
              if (timedOut.get()) {
                Log.warnf("%s sent no response within %d ms", upstream.name(), timeoutMillis);
                reject(context, timeout(upstream.name(), timeoutMillis));
              } else {
                Log.warnf("Request to %s failed: %s", upstream.name(), failure.getMessage());
                reject(context, badGateway(upstream.name()));
              }
            });
  }

  private static void recordOutcome(Upstream upstream, int status) {
    if (status == 502 || status == 503 || status == 504) {
      upstream.breaker().onFailure(System.nanoTime());
    } else {
      upstream.breaker().onSuccess();
    }
  }

  private void relay(
      RoutingContext context,
      String service,
      HttpClientRequest request,
      HttpClientResponse response,
      long timeoutMillis) {
    HttpServerResponse out = context.response();
    out.setStatusCode(response.statusCode());
    out.setStatusMessage(response.statusMessage());
    Set<String> named = connectionNamed(response.headers());
    response
        .headers()
        .forEach(
            header -> {
              String name = header.getKey().toLowerCase(Locale.ROOT);
              if (!HOP_BY_HOP.contains(name) && !named.contains(name)) {
                out.headers().add(header.getKey(), header.getValue());
              }
            });
    if (!out.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
      out.setChunked(true);
    }
    // By hand rather than with pipeTo: a client that disconnects mid-body ends the relay quietly,
    // where a pipe would keep writing to the closed response and fail on every chunk.
    // From here on the timeout applies between chunks of the body.
    BodyIdleTimeout idle = new BodyIdleTimeout(request, timeoutMillis);
    response.handler(
        chunk -> {
          idle.touch();
          if (out.closed() || out.ended()) {
            return;
          }
          out.write(chunk);
          if (out.writeQueueFull()) {
            response.pause();
            out.drainHandler(
                ignored -> {
                  // A client that reads slowly is not a stalled service.
                  idle.touch();
                  response.resume();
                });
          }
        });
    response.exceptionHandler(
        failure -> {
          idle.stop();
          if (!out.closed() && !out.ended()) {
            Log.warnf("Response body of %s broke off: %s", service, failure.getMessage());
            out.reset();
          }
        });
    response.endHandler(
        ignored -> {
          idle.stop();
          if (!out.closed() && !out.ended()) {
            out.end();
          }
        });
  }

  /**
   * Resets the upstream request when its body stalls for longer than the timeout. One timer per
   * body, set again only when it fires while chunks still arrive. The client's own idle timeout
   * would do the same, but its timer outlives the response: under load that kept every request
   * alive for the length of the timeout.
   */
  private final class BodyIdleTimeout {

    private final HttpClientRequest request;
    private final long timeoutNanos;
    private volatile long lastChunkNanos = System.nanoTime();
    private volatile boolean stopped;
    private volatile long timerId;

    BodyIdleTimeout(HttpClientRequest request, long timeoutMillis) {
      this.request = request;
      this.timeoutNanos = timeoutMillis * 1_000_000;
      arm(timeoutMillis);
    }

    void touch() {
      lastChunkNanos = System.nanoTime();
    }

    void stop() {
      stopped = true;
      vertx.cancelTimer(timerId);
    }

    private void arm(long millis) {
      timerId = vertx.setTimer(Math.max(1, millis), id -> check());
    }

    private void check() {
      if (stopped) {
        return;
      }
      long idleNanos = System.nanoTime() - lastChunkNanos;
      if (idleNanos >= timeoutNanos) {
        Log.warnf(
            "Response body stalled for %d ms; resetting the upstream request",
            idleNanos / 1_000_000);
        request.reset();
      } else {
        arm((timeoutNanos - idleNanos) / 1_000_000 + 1);
      }
    }
  }

  /** Returns true if the request has no body: it ended already, or its headers announce none. */
  private static boolean hasNoBody(HttpServerRequest in) {
    if (in.isEnded()) {
      return true;
    }
    String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
    return in.getHeader(HttpHeaders.TRANSFER_ENCODING) == null
        && (length == null || "0".equals(length.trim()));
  }

  /** Returns true if the connection closed under the request, as opposed to a reset or timeout. */
  private static boolean isConnectionLost(Throwable failure) {
    return failure instanceof HttpClosedException;
  }

  private void reject(RoutingContext context, Problem problem) {
    HttpServerRequest in = context.request();
    if (!in.isEnded()) {
      // The body is not forwarded; let it drain so the connection can be reused.
      in.resume();
    }
    problems.send(context, problem);
  }

  /** Names listed in a Connection header, which are hop-by-hop for this one connection. */
  private static Set<String> connectionNamed(MultiMap headers) {
    String connection = headers.get(HttpHeaders.CONNECTION);
    if (connection == null || connection.isBlank()) {
      return Set.of();
    }
    return new HashSet<>(
        Arrays.asList(connection.toLowerCase(Locale.ROOT).replace(" ", "").split(",")));
  }

  private static Problem timeout(String service, long millis) {
    return Problem.of(504, "upstream-timeout", "Service timed out")
        .detail(
            "The service '"
                + service
                + "' did not answer within "
                + millis
                + " ms. Retry later; a request that changes data may have been applied.")
        .with("service", service)
        .with("timeoutMs", millis)
        .build();
  }

  private static Problem badGateway(String service) {
    return Problem.of(502, "bad-gateway", "Bad gateway")
        .detail(
            "The connection to the service '"
                + service
                + "' broke before its answer was complete. Retry later.")
        .with("service", service)
        .build();
  }
}
