package io.citypulse.identity.rest;

import io.citypulse.identity.event.Actor;
import io.citypulse.identity.event.RequestOrigin;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;

/** Reads the request origin and the calling user for audit records. */
final class Origins {

  private Origins() {}

  static RequestOrigin of(HttpServerRequest request) {
    String ip = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    return new RequestOrigin(ip, request.getHeader("User-Agent"));
  }

  /** Returns the actor of an authenticated user request. */
  static Actor user(SecurityIdentity identity, HttpServerRequest request) {
    return Actor.user(userId(identity), of(request));
  }

  static UUID userId(SecurityIdentity identity) {
    return UUID.fromString(identity.getPrincipal().getName());
  }
}
