package io.citypulse.identity.event;

import java.util.UUID;

/**
 * The originator of an event and the request it came from.
 *
 * @param id user id, client id, {@code anonymous} or {@code system}
 * @param type {@code user}, {@code client}, {@code anonymous} or {@code system}
 * @param ip remote address of the request, or null
 * @param userAgent User-Agent header of the request, or null
 */
public record Actor(String id, String type, String ip, String userAgent) {

  public static final Actor SYSTEM = new Actor("system", "system", null, null);

  public static Actor user(UUID userId, RequestOrigin origin) {
    return new Actor(userId.toString(), "user", origin.ip(), origin.userAgent());
  }

  public static Actor client(String clientId, RequestOrigin origin) {
    return new Actor(clientId, "client", origin.ip(), origin.userAgent());
  }

  public static Actor anonymous(RequestOrigin origin) {
    return new Actor("anonymous", "anonymous", origin.ip(), origin.userAgent());
  }
}
