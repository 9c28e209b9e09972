package io.citypulse.ingest.reading.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.citypulse.ingest.reading.DecodedRecord;
import io.citypulse.ingest.reading.ReasonCode;
import io.citypulse.ingest.reading.Rejection;
import java.time.Instant;
import java.util.Optional;

/**
 * Decodes The Things Stack v3 uplink messages, as its MQTT, webhook and Kafka integrations send
 * them: a JSON object with {@code end_device_ids} and {@code uplink_message}.
 *
 * <p>The device is {@code end_device_ids.dev_eui}; its fields come from {@code
 * uplink_message.decoded_payload}, the output of the payload formatter, mapped as {@link
 * DeviceUplinkMapper} describes.
 *
 * <p>The observation time is {@code uplink_message.received_at}, when the Network Server received
 * the uplink, or else the top-level {@code received_at}, when the Application Server handled it.
 * Both come from server clocks and are ISO-8601 with nanoseconds. The gateway times {@code
 * uplink_message.settings.time} and {@code rx_metadata[].time} are ignored because gateways without
 * GPS report them from their own clock, which may be wrong or missing. LoRaWAN sensors send no time
 * of their own, so the reception time is the best estimate of the measurement time.
 */
final class ThingsStackDecoder {

  private final DeviceUplinkMapper mapper;

  ThingsStackDecoder(DeviceUplinkMapper mapper) {
    this.mapper = mapper;
  }

  static boolean accepts(JsonNode root) {
    return root.isObject() && root.path("end_device_ids").isObject();
  }

  DecodedRecord decode(JsonNode root, String text) {
    JsonNode uplink = root.path("uplink_message");
    if (!uplink.isObject()) {
      return reject(
          ReasonCode.UNSUPPORTED_FORMAT,
          "The Things Stack message has no 'uplink_message' (a join, downlink or service event);"
              + " only uplinks carry readings",
          text);
    }
    String devEui = root.path("end_device_ids").path("dev_eui").asText("");
    if (devEui.isEmpty()) {
      return reject(
          ReasonCode.MISSING_FIELD, "Field 'end_device_ids.dev_eui' is missing or empty", text);
    }
    JsonNode decoded = uplink.path("decoded_payload");
    if (!decoded.isObject()) {
      return reject(
          ReasonCode.MISSING_FIELD,
          "Field 'uplink_message.decoded_payload' is missing; set up a payload formatter for"
              + " device "
              + devEui
              + " in The Things Stack",
          text);
    }
    Optional<Instant> observedAt = observedAt(root, uplink);
    if (observedAt.isEmpty()) {
      return reject(
          ReasonCode.INVALID_TIMESTAMP,
          "Neither 'uplink_message.received_at' nor 'received_at' is an ISO-8601 date-time with"
              + " offset",
          text);
    }
    return mapper.map(devEui, "end_device_ids.dev_eui", decoded, observedAt.get(), text);
  }

  private static Optional<Instant> observedAt(JsonNode root, JsonNode uplink) {
    Optional<Instant> networkServer =
        Timestamps.parseIsoWithOffset(uplink.path("received_at").asText(""));
    if (networkServer.isPresent()) {
      return networkServer;
    }
    return Timestamps.parseIsoWithOffset(root.path("received_at").asText(""));
  }

  private static DecodedRecord reject(ReasonCode code, String reason, String text) {
    return DecodedRecord.rejected(new Rejection(code, reason, null, text, 0));
  }
}
