package io.citypulse.identity.rest;

import io.citypulse.identity.key.SigningKey;
import io.citypulse.identity.key.SigningKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;

/** The JSON Web Key Set (RFC 7517) of the published signing keys, public parts only. */
@Path("/oauth2/jwks")
public class JwksResource {

  private final SigningKeys keys;

  public JwksResource(SigningKeys keys) {
    this.keys = keys;
  }

  @GET
  @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
  public Response jwks() {
    List<Map<String, Object>> published =
        keys.published().stream()
            .map(SigningKey::publicJwk)
            .map(jwk -> jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))
            .toList();
    CacheControl cache = new CacheControl();
    // Short, so verifiers see a new key soon after a rotation.
    cache.setMaxAge(300);
    return Response.ok(Map.of("keys", published))
        .type(MediaType.APPLICATION_JSON)
        .cacheControl(cache)
        .build();
  }
}
