package io.citypulse.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.ConfigProvider;

/** Steers the fake upstreams of {@link FakeUpstreams} from a test. */
final class Fakes {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Fakes() {}

  /** Sends a control command ({@code mode/ok}, {@code mode/fail}, {@code down}, {@code up}). */
  static void control(String service, String command) {
    int port =
        ConfigProvider.getConfig()
            .getValue("test.fakes." + service + ".control-port", Integer.class);
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + command))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            command + " on fake " + service + ": " + response.statusCode());
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Fake " + service + " cannot be steered", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
