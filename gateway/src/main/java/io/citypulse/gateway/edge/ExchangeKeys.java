package io.citypulse.gateway.edge;

/** Keys of the values the edge handlers put into the Vert.x routing context of a request. */
public final class ExchangeKeys {

  /** The request id, a {@link String}. */
  public static final String REQUEST_ID = "citypulse.requestId";

  /** The {@code traceparent} sent to the upstream, a {@link String}. */
  public static final String TRACEPARENT = "citypulse.traceparent";

  /** {@link System#nanoTime()} when the request arrived, a {@link Long}. */
  public static final String STARTED_NANOS = "citypulse.startedNanos";

  /** The verified caller, a {@link io.citypulse.access.token.VerifiedCaller}. */
  public static final String CALLER = "citypulse.caller";

  /** The proxied route that matched, a {@link io.citypulse.gateway.proxy.RouteMatch}. */
  public static final String ROUTE = "citypulse.route";

  /** Name of the route for logs, audit and metrics, a {@link String}. */
  public static final String ROUTE_NAME = "citypulse.routeName";

  /** The Content-Security-Policy to send instead of the API default, a {@link String}. */
  public static final String CONTENT_SECURITY_POLICY = "citypulse.csp";

  private ExchangeKeys() {}
}
