package io.citypulse.gateway.edge;

import io.citypulse.access.token.BearerTokens;
import io.citypulse.access.token.TokenVerifier;
import io.citypulse.access.token.VerifiedCaller;
import io.citypulse.gateway.access.DenyList;
import io.citypulse.gateway.proxy.ReverseProxy;
import io.citypulse.gateway.proxy.RouteMatch;
import io.citypulse.gateway.proxy.RouteTable;
import io.citypulse.gateway.ratelimit.RateLimiter;
import io.citypulse.problem.Problem;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.Set;

/**
 * The checks every API request passes after CORS: the bearer token is verified (signature, issuer,
 * expiry), a denied user is rejected, the rate limit of the request's group is applied, and the
 * finished request is recorded. Then a proxied route is forwarded to its service, and everything
 * else goes on to the gateway's own endpoints. A request without a token passes as anonymous: the
 * services decide what is public.
 */
@ApplicationScoped
public class EdgeFilter {

  /**
   * After the CORS filter of Quarkus, so preflight requests get their response before any token
   * check.
   */
  static final int PRIORITY = 10;

  private static final Set<String> OWN_ROUTES = Set.of("health", "status", "metrics", "docs", "ws");

  private final RouteTable routes;
  private final TokenVerifier tokens;
  private final DenyList denyList;
  private final RateLimiter rateLimiter;
  private final ReverseProxy proxy;
  private final Problems problems;
  private final RequestRecorder recorder;

  public EdgeFilter(
      RouteTable routes,
      TokenVerifier tokens,
      DenyList denyList,
      RateLimiter rateLimiter,
      ReverseProxy proxy,
      Problems problems,
      RequestRecorder recorder) {
    this.routes = routes;
    this.tokens = tokens;
    this.denyList = denyList;
    this.rateLimiter = rateLimiter;
    this.proxy = proxy;
    this.problems = problems;
    this.recorder = recorder;
  }

  void register(@Observes Filters filters) {
    filters.register(this::handle, PRIORITY);
  }

  /** Whether the path belongs to the API, as opposed to probes, Prometheus and static files. */
  static boolean isApi(String path) {
    return path.startsWith("/api/")
        || path.equals("/api")
        || path.startsWith("/oauth2/")
        || path.startsWith("/.well-known/")
        || path.equals("/ws");
  }

  void handle(RoutingContext context) {
    String path = context.normalizedPath();
    if (!isApi(path)) {
      context.next();
      return;
    }
    HttpServerRequest request = context.request();
    boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    if (!upgrade) {
      // Body chunks that arrive while the token is verified must wait for the handler that reads
      // them.
      request.pause();
    }
    Optional<RouteMatch> route = routes.match(path);
    context.put(ExchangeKeys.ROUTE_NAME, route.map(RouteMatch::route).orElse(ownRouteName(path)));
    route.ifPresent(match -> context.put(ExchangeKeys.ROUTE, match));
    context.put(ExchangeKeys.CALLER, VerifiedCaller.ANONYMOUS);
    recorder.recordWhenDone(context);

    String token = BearerTokens.fromHeader(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (token == null || route.map(match -> !match.verifyToken()).orElse(false)) {
      admit(context, VerifiedCaller.ANONYMOUS, route);
      return;
    }
    Context vertxContext = Vertx.currentContext();
    tokens
        .verify(token)
        .subscribe()
        .with(
            caller -> onContext(vertxContext, () -> admit(context, caller, route)),
            failure -> onContext(vertxContext, () -> rejectToken(context, failure)));
  }

  private void admit(RoutingContext context, VerifiedCaller caller, Optional<RouteMatch> route) {
    context.put(ExchangeKeys.CALLER, caller);
    Optional<String> denial = denyList.denial(caller.caller().subject(), caller.issuedAt());
    if (denial.isPresent()) {
      Log.infof("Request of %s rejected: user %s", caller.actorId(), denial.get());
      reject(context, denied(denial.get()));
      return;
    }
    if (!withinRateLimit(context, caller)) {
      return;
    }
    if (route.isPresent()) {
      proxy.forward(context, route.get());
      return;
    }
    context.request().resume();
    context.next();
  }

  private boolean withinRateLimit(RoutingContext context, VerifiedCaller caller) {
    HttpServerRequest request = context.request();
    String group = rateLimiter.group(request.method().name(), context.normalizedPath());
    String key =
        caller.caller().isAnonymous() ? "ip:" + clientIp(request) : caller.caller().subject();
    Optional<Long> retryAfter = rateLimiter.acquire(group, key);
    if (retryAfter.isEmpty()) {
      return true;
    }
    context.response().putHeader("Retry-After", Long.toString(retryAfter.get()));
    reject(
        context,
        Problem.of(429, "rate-limited", "Too many requests")
            .detail(
                "The rate limit of the group '"
                    + group
                    + "' is "
                    + rateLimiter.limit(group).requestsPerMinute()
                    + " requests per minute with bursts of "
                    + rateLimiter.limit(group).burst()
                    + ". Retry after "
                    + retryAfter.get()
                    + " seconds.")
            .with("group", group)
            .with("retryAfterSeconds", retryAfter.get())
            .build());
    return false;
  }

  private void rejectToken(RoutingContext context, Throwable failure) {
    Log.debugf("Bearer token rejected: %s", failure.getClass().getSimpleName());
    reject(
        context,
        Problem.of(401, "unauthorized", "Authentication failed")
            .detail(
                "The access token was rejected: it is expired, malformed, not signed by the"
                    + " configured issuer, or the issuer cannot be reached. Get a new token.")
            .build());
  }

  private void reject(RoutingContext context, Problem problem) {
    context.request().resume();
    problems.send(context, problem);
  }

  private static Problem denied(String reason) {
    String state =
        switch (reason) {
          case "user-locked" -> "locked";
          case "user-suspended" -> "suspended";
          default -> "deactivated";
        };
    return Problem.of(401, "account-" + state, "Account " + state)
        .detail(
            "The account was "
                + state
                + " after this token was issued, so the token is no longer accepted."
                + " Contact an administrator of your town.")
        .with("reason", reason)
        .build();
  }

  static String clientIp(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
  }

  /** Name of a gateway endpoint for logs, audit and metrics; a bounded set of values. */
  private static String ownRouteName(String path) {
    String rest = path.startsWith("/api/") ? path.substring(5) : path.substring(1);
    int slash = rest.indexOf('/');
    String name = slash < 0 ? rest : rest.substring(0, slash);
    return OWN_ROUTES.contains(name) ? name : "unmatched";
  }

  private static void onContext(Context context, Runnable action) {
    if (context == null || Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(ignored -> action.run());
    }
  }
}
