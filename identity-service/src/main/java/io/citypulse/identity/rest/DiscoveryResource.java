package io.citypulse.identity.rest;

import io.citypulse.access.Role;
import io.citypulse.identity.config.IdentityConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenID Connect Discovery 1.0 document. */
@Path("/.well-known/openid-configuration")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

  private final IdentityConfig config;

  public DiscoveryResource(IdentityConfig config) {
    this.config = config;
  }

  @GET
  public Map<String, Object> discovery() {
    String issuer = config.issuer();
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("issuer", issuer);
    document.put("token_endpoint", issuer + "/oauth2/token");
    document.put("jwks_uri", issuer + "/oauth2/jwks");
    document.put("userinfo_endpoint", issuer + "/oauth2/userinfo");
    document.put("revocation_endpoint", issuer + "/oauth2/revoke");

    // No authorization endpoint: the first-party dashboard uses the password grant.
    document.put(
        "grant_types_supported", List.of("password", "refresh_token", "client_credentials"));
    document.put("response_types_supported", List.of("token"));
    document.put("subject_types_supported", List.of("public"));
    document.put("id_token_signing_alg_values_supported", List.of("RS256"));

    document.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post", "none"));
    document.put(
        "revocation_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post", "none"));
    document.put("scopes_supported", List.of("openid", "profile", "email", "ingest"));
    document.put(
        "claims_supported",
        List.of(
            "iss",
            "sub",
            "aud",
            "exp",
            "iat",
            "auth_time",
            "email",
            "name",
            "groups",
            "buildings",
            "scope",
            "sid",
            "client_id"));
    document.put("citypulse_roles", Role.ids());
    return document;
  }
}
