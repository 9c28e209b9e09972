package io.citypulse.ingest.reading.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.citypulse.ingest.reading.Candidate;
import io.citypulse.ingest.reading.DecodedRecord;
import io.citypulse.ingest.reading.ReasonCode;
import io.citypulse.ingest.reading.Rejection;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the CityPulse JSON format: one object {@code {"sensorId", "observedAt", "value", "unit"}}
 * or an array of them.
 *
 * <p>{@code observedAt} is an ISO-8601 date-time with a UTC offset, or a number of epoch
 * milliseconds. A number that only makes sense as epoch seconds is rejected rather than guessed.
 * {@code unit} is optional; without it the value is taken to be in the sensor's canonical unit.
 */
public final class CityPulseJsonDecoder {

  /** Epoch milliseconds below this (1973-03-03) are taken for epoch seconds sent by mistake. */
  private static final long SMALLEST_EPOCH_MILLIS = 100_000_000_000L;

  private CityPulseJsonDecoder() {}

  public static boolean accepts(JsonNode root) {
    JsonNode first = root.isArray() && !root.isEmpty() ? root.get(0) : root;
    return first.isObject() && first.has("sensorId");
  }

  public static DecodedRecord decode(JsonNode root) {
    List<Candidate> candidates = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    if (root.isArray()) {
      for (int index = 0; index < root.size(); index++) {
        decodeItem(root.get(index), index, candidates, rejections);
      }
    } else {
      decodeItem(root, 0, candidates, rejections);
    }
    return new DecodedRecord(candidates, rejections);
  }

  private static void decodeItem(
      JsonNode item, int index, List<Candidate> candidates, List<Rejection> rejections) {
    String raw = item.toString();
    if (!item.isObject()) {
      rejections.add(
          new Rejection(
              ReasonCode.UNSUPPORTED_FORMAT,
              "Item " + index + " is a JSON " + item.getNodeType() + ", expected an object",
              null,
              raw,
              index));
      return;
    }
    String sensorId = item.path("sensorId").isTextual() ? item.get("sensorId").asText() : null;
    String missing = missingField(item);
    if (missing != null) {
      rejections.add(
          new Rejection(
              ReasonCode.MISSING_FIELD,
              "Field '" + missing + "' is missing or null",
              sensorId,
              raw,
              index));
      return;
    }
    JsonNode value = item.get("value");
    if (!value.isNumber()) {
      rejections.add(
          new Rejection(
              ReasonCode.VALUE_NOT_NUMERIC,
              "Field 'value' is " + value + ", expected a JSON number",
              sensorId,
              raw,
              index));
      return;
    }
    if (!Double.isFinite(value.asDouble())) {
      rejections.add(
          new Rejection(
              ReasonCode.VALUE_NOT_FINITE,
              "Field 'value' is " + value.asText() + ", expected a finite number",
              sensorId,
              raw,
              index));
      return;
    }
    JsonNode unit = item.get("unit");
    TimestampResult observedAt = parseTimestamp(item.get("observedAt"));
    if (observedAt.rejection != null) {
      rejections.add(new Rejection(observedAt.code, observedAt.rejection, sensorId, raw, index));
      return;
    }
    candidates.add(
        new Candidate(
            sensorId,
            observedAt.instant,
            value.asDouble(),
            unit == null || unit.isNull() ? null : unit.asText(),
            raw,
            index));
  }

  private static String missingField(JsonNode item) {
    if (!item.path("sensorId").isTextual() || item.get("sensorId").asText().isBlank()) {
      return "sensorId";
    }
    for (String field : List.of("observedAt", "value")) {
      if (item.path(field).isMissingNode() || item.get(field).isNull()) {
        return field;
      }
    }
    return null;
  }

  private record TimestampResult(Instant instant, ReasonCode code, String rejection) {}

  private static TimestampResult parseTimestamp(JsonNode node) {
    if (node.isIntegralNumber()) {
      long number = node.asLong();
      if (Math.abs(number) < SMALLEST_EPOCH_MILLIS) {
        return new TimestampResult(
            null,
            ReasonCode.TIMESTAMP_IN_SECONDS,
            "Field 'observedAt' is "
                + number
                + ", which looks like epoch seconds; expected epoch milliseconds or an ISO-8601"
                + " date-time with offset");
      }
      return new TimestampResult(Instant.ofEpochMilli(number), null, null);
    }
    if (!node.isTextual()) {
      return invalidTimestamp(node.toString());
    }
    try {
      OffsetDateTime parsed = OffsetDateTime.parse(node.asText(), DateTimeFormatter.ISO_DATE_TIME);
      return new TimestampResult(parsed.toInstant(), null, null);
    } catch (DateTimeException e) {
      return invalidTimestamp(node.asText());
    }
  }

  private static TimestampResult invalidTimestamp(String value) {
    return new TimestampResult(
        null,
        ReasonCode.INVALID_TIMESTAMP,
        "Field 'observedAt' is '"
            + value
            + "', expected an ISO-8601 date-time with offset (2026-12-04T19:00:00Z) or epoch"
            + " milliseconds");
  }
}
