package io.citypulse.ingest.reading;

import java.nio.charset.StandardCharsets;

/** Text forms of raw payloads for storage in the quarantine. */
final class Payloads {

  private Payloads() {}

  /** Decodes bytes as UTF-8, replacing invalid sequences. */
  static String text(byte[] payload) {
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** Replaces NUL characters, which PostgreSQL text columns reject. */
  static String sanitize(String text) {
    return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
  }
}
