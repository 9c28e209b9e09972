package io.citypulse.gateway.proxy;

import io.citypulse.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Maps request paths to proxied routes by the longest matching prefix. */
@ApplicationScoped
public class RouteTable {

  private final List<Entry> entries = new ArrayList<>();

  public RouteTable(GatewayConfig config) {
    config
        .routes()
        .forEach(
            (name, route) -> {
              for (String prefix : route.prefixes()) {
                String normalized =
                    prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
                entries.add(
                    new Entry(
                        normalized, new RouteMatch(name, route.service(), route.verifyToken())));
              }
            });
    entries.sort(Comparator.comparingInt((Entry entry) -> entry.prefix().length()).reversed());
  }

  /** Returns the route of the path, or empty when the gateway itself handles it. */
  public Optional<RouteMatch> match(String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (Entry entry : entries) {
      String prefix = entry.prefix();
      if (path.startsWith(prefix)
          && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
        return Optional.of(entry.match());
      }
    }
    return Optional.empty();
  }

  private record Entry(String prefix, RouteMatch match) {}
}
