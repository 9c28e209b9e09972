package io.citypulse.identity.client;

import java.time.Instant;
import java.util.List;

/**
 * An OAuth 2.0 client. A public client ({@code secretHash} null) identifies itself with its id
 * alone; a confidential client authenticates with its secret.
 */
public record Client(
    String id,
    String name,
    String secretHash,
    List<String> grantTypes,
    List<String> scopes,
    Instant createdAt) {

  public boolean isPublic() {
    return secretHash == null;
  }

  public boolean allowsGrant(String grantType) {
    return grantTypes.contains(grantType);
  }
}
