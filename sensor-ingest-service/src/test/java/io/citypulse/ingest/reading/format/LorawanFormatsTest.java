package io.citypulse.ingest.reading.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citypulse.ingest.config.IngestConfig;
import io.citypulse.ingest.reading.Candidate;
import io.citypulse.ingest.reading.DecodedRecord;
import io.citypulse.ingest.reading.RawRecordDecoder;
import io.citypulse.ingest.reading.ReasonCode;
import io.citypulse.ingest.reading.Rejection;
import io.citypulse.ingest.registry.Device;
import io.citypulse.ingest.registry.DeviceField;
import io.citypulse.ingest.registry.Metric;
import io.citypulse.ingest.registry.Units;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Things Stack and ChirpStack uplinks, decoded through a device registry held in a map. */
class LorawanFormatsTest {

  private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

  private final Map<String, Device> devices = new HashMap<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final GatewayFormats formats =
      new GatewayFormats(
          devEui -> Optional.ofNullable(devices.get(Device.normalizeDevEui(devEui))), meters);

  /** A reading as the fixture describes it, with the value in the sensor's canonical unit. */
  private record Expected(String sensorId, Metric metric, double canonicalValue, Instant at) {}

  private void device(String devEui, Map<String, DeviceField> fields) {
    devices.put(Device.normalizeDevEui(devEui), new Device(Device.normalizeDevEui(devEui), fields));
  }

  private DecodedRecord decode(String fixture) {
    String text = FormatFixtures.text(fixture);
    return formats.decode(FormatFixtures.parse(text), text, NOW);
  }

  private double unmapped(String format) {
    return meters.counter(GatewayFormats.UNMAPPED_FIELDS_METRIC, "format", format).count();
  }

  private static void assertReadings(List<Expected> expected, DecodedRecord decoded) {
    assertEquals(List.of(), decoded.rejections());
    assertEquals(expected.size(), decoded.candidates().size(), "reading count");
    for (int i = 0; i < expected.size(); i++) {
      Expected want = expected.get(i);
      Candidate got = decoded.candidates().get(i);
      String unit = got.unit() == null ? want.metric().canonicalUnit() : got.unit();
      double canonical = Units.toCanonical(want.metric(), unit, got.value()).orElseThrow();
      assertEquals(want.sensorId(), got.sensorId(), "sensor of reading " + i);
      assertEquals(want.canonicalValue(), canonical, 1e-9, "value of " + want.sensorId());
      assertEquals(want.at(), got.observedAt(), "time of " + want.sensorId());
    }
  }

  @Test
  void thingsStackElsysErsCo2() {
    device(
        "a81758fffe000001",
        Map.of(
            "temperature", new DeviceField("ers-temp", "Cel"),
            "humidity", new DeviceField("ers-hum", "%RH"),
            "light", new DeviceField("ers-light", "lx"),
            "co2", new DeviceField("ers-co2", null)));

    DecodedRecord decoded = decode("ttn/elsys-ers-co2.json");

    // uplink_message.received_at, not the top-level received_at or a gateway time.
    Instant at = Instant.parse("2026-03-02T08:15:30.123456789Z");
    assertReadings(
        List.of(
            new Expected("ers-temp", Metric.TEMPERATURE, 22.6, at),
            new Expected("ers-hum", Metric.HUMIDITY, 41, at),
            new Expected("ers-light", Metric.ILLUMINANCE, 39, at),
            new Expected("ers-co2", Metric.CO2, 776, at)),
        decoded);
    assertEquals(1.0, unmapped("ttn-v3"), "motion is not mapped");
  }

  @Test
  void thingsStackDecentlabNestedValues() {
    device(
        "70B3D57BA0000001",
        Map.of(
            "air_temperature.value", new DeviceField("dl-temp", "°C"),
            "air_humidity.value", new DeviceField("dl-hum", "%"),
            "co2_concentration.value", new DeviceField("dl-co2", "ppm"),
            "illuminance.value", new DeviceField("dl-light", "lx")));

    DecodedRecord decoded = decode("ttn/decentlab-dl-iam.json");

    Instant at = Instant.parse("2026-03-02T08:20:00.5Z");
    assertReadings(
        List.of(
            new Expected("dl-hum", Metric.HUMIDITY, 36.438544289311054, at),
            new Expected("dl-temp", Metric.TEMPERATURE, 27.67833981841764, at),
            new Expected("dl-co2", Metric.CO2, 455, at),
            new Expected("dl-light", Metric.ILLUMINANCE, 678.76512, at)),
        decoded);
    // 33 leaves in the payload (display names and units included), 4 of them mapped.
    assertEquals(29.0, unmapped("ttn-v3"));
  }

  @Test
  void thingsStackDocsExampleCorrected() {
    device("0004a30b001c0530", Map.of("temperature", new DeviceField("uno-temp", "Cel")));

    DecodedRecord decoded = decode("ttn/uplink-message-example-corrected.json");

    assertReadings(
        List.of(
            new Expected(
                "uno-temp",
                Metric.TEMPERATURE,
                1.0,
                Instant.parse("2020-02-12T15:15:45.789585559Z"))),
        decoded);
    assertEquals(1.0, unmapped("ttn-v3"), "luminosity is not mapped");
  }

  @Test
  void publishedDocsExampleIsMalformedJson() {
    IngestConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(IngestConfig.class)
            .build()
            .getConfigMapping(IngestConfig.class);
    RawRecordDecoder decoder = new RawRecordDecoder(config, devEui -> Optional.empty(), meters);
    byte[] payload =
        FormatFixtures.text("ttn/uplink-message-example.json").getBytes(StandardCharsets.UTF_8);

    DecodedRecord decoded = decoder.decode(payload, NOW);

    assertEquals(List.of(), decoded.candidates());
    assertEquals(ReasonCode.MALFORMED_JSON, decoded.rejections().get(0).code());
  }

  @Test
  void chirpStackMilesightAm319() {
    device(
        "24e124710b000001",
        Map.of(
            "temperature", new DeviceField("am319-temp", "Cel"),
            "humidity", new DeviceField("am319-hum", "%RH"),
            "co2", new DeviceField("am319-co2", "ppm")));

    DecodedRecord decoded = decode("chirpstack/milesight-am319.json");

    Instant at = Instant.parse("2026-03-02T09:00:01.25Z");
    assertReadings(
        List.of(
            new Expected("am319-temp", Metric.TEMPERATURE, 30.8, at),
            new Expected("am319-hum", Metric.HUMIDITY, 50.5, at),
            new Expected("am319-co2", Metric.CO2, 936, at)),
        decoded);
    assertEquals(8.0, unmapped("chirpstack-v4"));
  }

  @Test
  void chirpStackEm300OffsetTime() {
    device(
        "24e124136b000002",
        Map.of(
            "temperature", new DeviceField("em300-temp", "Cel"),
            "humidity", new DeviceField("em300-hum", null)));

    DecodedRecord decoded = decode("chirpstack/milesight-em300-th.json");

    Instant at = Instant.parse("2026-03-02T09:30:00Z");
    assertReadings(
        List.of(
            new Expected("em300-temp", Metric.TEMPERATURE, 20.0, at),
            new Expected("em300-hum", Metric.HUMIDITY, 30.0, at)),
        decoded);
  }

  @Test
  void milesightDottedKeyIsOneField() {
    device("24e124710b000001", Map.of("pm2.5", new DeviceField("am319-pm25", null)));

    DecodedRecord decoded = decode("chirpstack/milesight-am319.json");

    assertEquals(1, decoded.candidates().size());
    assertEquals(32.0, decoded.candidates().get(0).value());
  }

  @Test
  void unknownDeviceIsRejectedOnce() {
    String text = FormatFixtures.text("ttn/decentlab-dl-iam.json");

    DecodedRecord decoded = formats.decode(FormatFixtures.parse(text), text, NOW);

    assertEquals(List.of(), decoded.candidates());
    assertEquals(1, decoded.rejections().size());
    Rejection rejection = decoded.rejections().get(0);
    assertEquals(ReasonCode.UNKNOWN_DEVICE, rejection.code());
    assertTrue(rejection.reason().contains("70B3D57BA0000001"), rejection.reason());
    assertEquals(text, rejection.raw());
    assertEquals(0.0, unmapped("ttn-v3"), "fields of an unknown device are not counted");
  }

  @Test
  void mappedStringFieldIsNotNumeric() {
    device("24e124710b000001", Map.of("activity", new DeviceField("am319-motion", null)));

    DecodedRecord decoded = decode("chirpstack/milesight-am319.json");

    Rejection rejection = decoded.rejections().get(0);
    assertEquals(ReasonCode.VALUE_NOT_NUMERIC, rejection.code());
    assertEquals("am319-motion", rejection.sensorId());
    assertTrue(rejection.raw().contains("\"field\":\"activity\""), rejection.raw());
  }

  @Test
  void chirpStackEventOtherThanUpIsUnsupported() {
    ObjectNode status = (ObjectNode) FormatFixtures.json("chirpstack/milesight-am319.json");
    status.remove(List.of("rxInfo", "fPort", "data", "object", "fCnt", "dr", "txInfo"));
    status.put("batteryLevel", 92.5);

    DecodedRecord decoded = formats.decode(status, status.toString(), NOW);

    assertEquals(ReasonCode.UNSUPPORTED_FORMAT, decoded.rejections().get(0).code());
  }

  @Test
  void chirpStackUpWithoutObjectIsMissingField() {
    ObjectNode up = (ObjectNode) FormatFixtures.json("chirpstack/milesight-am319.json");
    up.remove("object");

    DecodedRecord decoded = formats.decode(up, up.toString(), NOW);

    assertEquals(ReasonCode.MISSING_FIELD, decoded.rejections().get(0).code());
  }

  @Test
  void thingsStackJoinMessageIsUnsupported() {
    ObjectNode join = (ObjectNode) FormatFixtures.json("ttn/elsys-ers-co2.json");
    join.remove("uplink_message");
    join.putObject("join_accept").put("session_key_id", "AXA50tHUGUucuzS/bCGMNw==");

    DecodedRecord decoded = formats.decode(join, join.toString(), NOW);

    assertEquals(ReasonCode.UNSUPPORTED_FORMAT, decoded.rejections().get(0).code());
  }
}
