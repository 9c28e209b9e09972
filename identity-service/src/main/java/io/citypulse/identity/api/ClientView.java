package io.citypulse.identity.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.citypulse.identity.client.Client;
import java.time.Instant;
import java.util.List;

/**
 * An OAuth client. {@code clientSecret} is present only in the response that created or rotated the
 * secret; the service stores its hash alone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientView(
    String clientId,
    String name,
    String type,
    List<String> grantTypes,
    List<String> scopes,
    Instant createdAt,
    String clientSecret) {

  public static ClientView of(Client client) {
    return withSecret(client, null);
  }

  public static ClientView withSecret(Client client, String secret) {
    return new ClientView(
        client.id(),
        client.name(),
        client.isPublic() ? "public" : "confidential",
        client.grantTypes(),
        client.scopes(),
        client.createdAt(),
        secret);
  }
}
