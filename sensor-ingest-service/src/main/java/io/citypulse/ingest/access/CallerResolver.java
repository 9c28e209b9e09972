package io.citypulse.ingest.access;

import io.citypulse.access.Caller;
import io.citypulse.access.token.BearerTokens;
import io.citypulse.access.token.TokenVerifier;
import io.citypulse.access.token.VerifiedCaller;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves the caller of the current request from its access token, without blocking. A request
 * without a bearer token is anonymous; a rejected token fails the Uni with an authentication error
 * that becomes a 401.
 */
@ApplicationScoped
public class CallerResolver {

  private final CurrentVertxRequest request;
  private final TokenVerifier tokens;

  public CallerResolver(CurrentVertxRequest request, TokenVerifier tokens) {
    this.request = request;
    this.tokens = tokens;
  }

  public Uni<Caller> current() {
    RoutingContext context = request.getCurrent();
    String token =
        context == null
            ? null
            : BearerTokens.fromHeader(context.request().getHeader(HttpHeaders.AUTHORIZATION));
    if (token == null) {
      return Uni.createFrom().item(Caller.anonymous());
    }
    return tokens.verify(token).map(VerifiedCaller::caller);
  }
}
