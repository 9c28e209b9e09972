package io.citypulse.gateway.proxy;

/** The proxied route a request path matched. */
public record RouteMatch(String route, String service, boolean verifyToken) {}
