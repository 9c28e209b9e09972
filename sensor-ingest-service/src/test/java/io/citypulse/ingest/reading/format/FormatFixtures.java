package io.citypulse.ingest.reading.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the gateway format samples under {@code src/test/resources/fixtures}. */
public final class FormatFixtures {

  public static final ObjectMapper JSON = new ObjectMapper();

  private FormatFixtures() {}

  /** Returns the text of a fixture, e.g. {@code ttn/elsys-ers-co2.json}. */
  public static String text(String path) {
    try (InputStream in = FormatFixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(String path) {
    return parse(text(path));
  }

  public static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
