package io.citypulse.ingest.reading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.citypulse.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns the bytes of one raw record into candidate readings, detecting the format per record.
 * Whatever cannot be read becomes a {@link Rejection} with its reason; nothing is dropped.
 */
@ApplicationScoped
public class RawRecordDecoder {

  /** Jackson reading NaN and Infinity as numbers, so they are rejected as non-finite values. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private final IngestConfig config;

  public RawRecordDecoder(IngestConfig config) {
    this.config = config;
  }

  public DecodedRecord decode(byte[] payload) {
    if (payload == null || payload.length == 0) {
      return DecodedRecord.rejected(
          new Rejection(ReasonCode.MALFORMED_JSON, "The record is empty", null, "", 0));
    }
    if (payload.length > config.maxRecordBytes()) {
      return DecodedRecord.rejected(
          new Rejection(
              ReasonCode.RECORD_TOO_LARGE,
              "The record has "
                  + payload.length
                  + " bytes; at most "
                  + config.maxRecordBytes()
                  + " are accepted. Split it into several records.",
              null,
              Payloads.text(payload),
              0));
    }
    String text;
    try {
      text = decodeUtf8(payload);
    } catch (CharacterCodingException e) {
      return DecodedRecord.rejected(
          new Rejection(
              ReasonCode.MALFORMED_JSON,
              "The record is not valid UTF-8",
              null,
              Payloads.text(payload),
              0));
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return DecodedRecord.rejected(
          new Rejection(
              ReasonCode.MALFORMED_JSON,
              "The record is not valid JSON: " + e.getOriginalMessage(),
              null,
              text,
              0));
    }
    if (CityPulseJsonDecoder.accepts(root)) {
      return CityPulseJsonDecoder.decode(root);
    }
    if (root.isArray() && root.isEmpty()) {
      return new DecodedRecord(List.of(), List.of());
    }
    return DecodedRecord.rejected(
        new Rejection(
            ReasonCode.UNSUPPORTED_FORMAT,
            "The record is JSON but no known gateway format: expected CityPulse JSON with"
                + " 'sensorId', 'observedAt' and 'value'",
            null,
            text,
            0));
  }

  private static String decodeUtf8(byte[] payload) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(payload))
        .toString();
  }
}
