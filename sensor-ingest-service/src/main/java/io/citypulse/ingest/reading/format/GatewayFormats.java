package io.citypulse.ingest.reading.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.citypulse.ingest.reading.DecodedRecord;
import io.citypulse.ingest.reading.ReasonCode;
import io.citypulse.ingest.reading.Rejection;
import io.citypulse.ingest.registry.DeviceLookup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;

/**
 * Detects the format of one parsed raw record and decodes it. The checks run in this order, and the
 * first that matches decides:
 *
 * <ol>
 *   <li>CityPulse JSON: an object, or an array whose first element is an object, with {@code
 *       sensorId};
 *   <li>SenML: an array whose first element is an object with a SenML label ({@code bn}, {@code n},
 *       {@code v}, ...);
 *   <li>The Things Stack v3: an object with {@code end_device_ids};
 *   <li>ChirpStack v4: an object with {@code deviceInfo}.
 * </ol>
 *
 * An empty array decodes to nothing; anything else is rejected as unsupported_format.
 */
public final class GatewayFormats {

  /** Counter of decoded LoRaWAN fields that map to no sensor, tagged with the format id. */
  public static final String UNMAPPED_FIELDS_METRIC = "citypulse.ingest.unmapped.fields";

  private final ThingsStackDecoder thingsStack;
  private final ChirpStackDecoder chirpStack;

  public GatewayFormats(DeviceLookup devices, MeterRegistry registry) {
    thingsStack =
        new ThingsStackDecoder(
            new DeviceUplinkMapper(
                devices, unmappedCounter(registry, GatewayFormat.THE_THINGS_STACK)));
    chirpStack =
        new ChirpStackDecoder(
            new DeviceUplinkMapper(devices, unmappedCounter(registry, GatewayFormat.CHIRPSTACK)));
  }

  /**
   * Decodes one record.
   *
   * @param text the record as received, kept for quarantine
   * @param now the time that SenML relative times count from
   */
  public DecodedRecord decode(JsonNode root, String text, Instant now) {
    if (CityPulseJsonDecoder.accepts(root)) {
      return CityPulseJsonDecoder.decode(root);
    }
    if (SenmlDecoder.accepts(root)) {
      return SenmlDecoder.decode(root, text, now);
    }
    if (ThingsStackDecoder.accepts(root)) {
      return thingsStack.decode(root, text);
    }
    if (ChirpStackDecoder.accepts(root)) {
      return chirpStack.decode(root, text);
    }
    if (root.isArray() && root.isEmpty()) {
      return new DecodedRecord(List.of(), List.of());
    }
    return DecodedRecord.rejected(
        new Rejection(
            ReasonCode.UNSUPPORTED_FORMAT,
            "The record is JSON but no known gateway format: expected CityPulse JSON with"
                + " 'sensorId', a SenML pack, a The Things Stack uplink with 'end_device_ids' or a"
                + " ChirpStack up event with 'deviceInfo'",
            null,
            text,
            0));
  }

  private static Counter unmappedCounter(MeterRegistry registry, GatewayFormat format) {
    return Counter.builder(UNMAPPED_FIELDS_METRIC)
        .description("Decoded LoRaWAN payload fields that map to no sensor")
        .tag("format", format.id())
        .register(registry);
  }
}
