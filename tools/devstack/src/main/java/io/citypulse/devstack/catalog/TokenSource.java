package io.citypulse.devstack.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Access tokens from an OAuth 2.0 token endpoint through the password grant (RFC 6749 section 4.3),
 * as identity-service offers it to its public client {@code citypulse-dashboard}. The current token
 * is kept until {@link #refresh()}, and identity-service issues tokens for 5 minutes by default.
 */
public final class TokenSource {

  private static final Logger LOG = Logger.getLogger(TokenSource.class);

  private final HttpClient http;
  private final URI tokenUrl;
  private final String clientId;
  private final String username;
  private final String password;
  private final ObjectMapper json = new ObjectMapper();
  private String accessToken;

  public TokenSource(
      HttpClient http, URI tokenUrl, String clientId, String username, String password) {
    this.http = http;
    this.tokenUrl = tokenUrl;
    this.clientId = clientId;
    this.username = username;
    this.password = password;
  }

  /** Returns the current access token, requesting one first if there is none. */
  public synchronized String accessToken() throws IOException, InterruptedException {
    if (accessToken == null) {
      accessToken = request();
    }
    return accessToken;
  }

  /** Drops the current token, so that the next {@link #accessToken()} requests a new one. */
  public synchronized void refresh() {
    accessToken = null;
  }

  private String request() throws IOException, InterruptedException {
    String form =
        Map.of(
                "grant_type", "password",
                "client_id", clientId,
                "username", username,
                "password", password)
            .entrySet()
            .stream()
            .map(
                field ->
                    field.getKey()
                        + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(tokenUrl)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "Requesting an access token for "
              + username
              + " from "
              + tokenUrl
              + " failed with HTTP "
              + response.statusCode()
              + ": "
              + response.body());
    }
    JsonNode token = json.readTree(response.body()).get("access_token");
    if (token == null || !token.isTextual()) {
      throw new IOException("The token response of " + tokenUrl + " has no access_token");
    }
    LOG.infof("Got an access token for %s from %s", username, tokenUrl);
    return token.asText();
  }
}
