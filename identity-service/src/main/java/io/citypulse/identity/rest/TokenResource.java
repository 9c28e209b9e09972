package io.citypulse.identity.rest;

import io.citypulse.identity.token.TokenResponse;
import io.citypulse.identity.token.TokenService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** The OAuth 2.0 token endpoint (RFC 6749 section 3.2). */
@Path("/oauth2/token")
public class TokenResource {

  private final TokenService tokens;

  public TokenResource(TokenService tokens) {
    this.tokens = tokens;
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response token(
      MultivaluedMap<String, String> form,
      @HeaderParam("Authorization") String authorization,
      @Context HttpServerRequest request) {
    TokenService.TokenRequest tokenRequest =
        new TokenService.TokenRequest(
            form.getFirst("grant_type"),
            authorization,
            form.getFirst("client_id"),
            form.getFirst("client_secret"),
            form.getFirst("username"),
            form.getFirst("password"),
            form.getFirst("refresh_token"),
            form.getFirst("scope"));
    TokenResponse response = tokens.token(tokenRequest, Origins.of(request));
    return Response.ok(response)
        .header("Cache-Control", "no-store")
        .header("Pragma", "no-cache")
        .build();
  }
}
