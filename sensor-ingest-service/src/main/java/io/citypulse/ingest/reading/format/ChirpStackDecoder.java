package io.citypulse.ingest.reading.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.citypulse.ingest.reading.DecodedRecord;
import io.citypulse.ingest.reading.ReasonCode;
import io.citypulse.ingest.reading.Rejection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decodes ChirpStack v4 {@code up} events in the JSON encoding of its integrations: a JSON object
 * with {@code deviceInfo} and at least one of {@code rxInfo}, {@code fPort} or {@code data}, which
 * only up events carry. Other events with {@code deviceInfo} (join, status, ack, txack, log,
 * location) are rejected as unsupported_format.
 *
 * <p>The device is {@code deviceInfo.devEui}; its fields come from {@code object}, the output of
 * the device profile's codec, mapped as {@link DeviceUplinkMapper} describes.
 *
 * <p>The observation time is {@code time}, an ISO-8601 date-time with offset and nanoseconds.
 * ChirpStack fills it from the GPS time of a receiving gateway when one has it, otherwise from a
 * gateway's clock ({@code get_rx_timestamp} in the ChirpStack v4 source).
 */
final class ChirpStackDecoder {

  private static final List<String> UP_EVENT_FIELDS = List.of("rxInfo", "fPort", "data");

  private final DeviceUplinkMapper mapper;

  ChirpStackDecoder(DeviceUplinkMapper mapper) {
    this.mapper = mapper;
  }

  static boolean accepts(JsonNode root) {
    return root.isObject() && root.path("deviceInfo").isObject();
  }

  DecodedRecord decode(JsonNode root, String text) {
    if (UP_EVENT_FIELDS.stream().noneMatch(root::has)) {
      return reject(
          ReasonCode.UNSUPPORTED_FORMAT,
          "ChirpStack event has none of 'rxInfo', 'fPort' or 'data', so it is not an up event;"
              + " only up events carry readings",
          text);
    }
    String devEui = root.path("deviceInfo").path("devEui").asText("");
    if (devEui.isEmpty()) {
      return reject(
          ReasonCode.MISSING_FIELD, "Field 'deviceInfo.devEui' is missing or empty", text);
    }
    JsonNode decoded = root.path("object");
    if (!decoded.isObject()) {
      return reject(
          ReasonCode.MISSING_FIELD,
          "Field 'object' is missing; add a codec to the device profile of device "
              + devEui
              + " in ChirpStack",
          text);
    }
    Optional<Instant> observedAt = Timestamps.parseIsoWithOffset(root.path("time").asText(""));
    if (observedAt.isEmpty()) {
      return reject(
          ReasonCode.INVALID_TIMESTAMP,
          "Field 'time' is '"
              + root.path("time").asText("")
              + "', expected an ISO-8601 date-time with offset",
          text);
    }
    return mapper.map(devEui, "deviceInfo.devEui", decoded, observedAt.get(), text);
  }

  private static DecodedRecord reject(ReasonCode code, String reason, String text) {
    return DecodedRecord.rejected(new Rejection(code, reason, null, text, 0));
  }
}
