package io.citypulse.ingest.reading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.citypulse.ingest.config.IngestConfig;
import io.citypulse.ingest.reading.format.GatewayFormats;
import io.citypulse.ingest.registry.DeviceLookup;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Turns the bytes of one raw record into candidate readings, detecting the format per record
 * ({@link GatewayFormats} lists the formats and the detection order). Whatever cannot be read
 * becomes a {@link Rejection} with its reason; nothing is dropped.
 */
@ApplicationScoped
public class RawRecordDecoder {

  /** Jackson reading NaN and Infinity as numbers, so they are rejected as non-finite values. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private final IngestConfig config;
  private final GatewayFormats formats;

  public RawRecordDecoder(IngestConfig config, DeviceLookup devices, MeterRegistry registry) {
    this.config = config;
    this.formats = new GatewayFormats(devices, registry);
  }

  /** Decodes a record with SenML relative times counted from the current time. */
  public DecodedRecord decode(byte[] payload) {
    return decode(payload, Instant.now());
  }

  /**
   * Decodes a record.
   *
   * @param now the time that SenML relative times count from, best the record's arrival time
   */
  public DecodedRecord decode(byte[] payload, Instant now) {
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
    return formats.decode(root, text, now);
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
