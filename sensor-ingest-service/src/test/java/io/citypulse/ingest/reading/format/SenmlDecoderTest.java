package io.citypulse.ingest.reading.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.citypulse.ingest.reading.Candidate;
import io.citypulse.ingest.reading.DecodedRecord;
import io.citypulse.ingest.reading.ReasonCode;
import io.citypulse.ingest.reading.Rejection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SenmlDecoderTest {

  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  /** Every RFC 8428 example that comes with a resolved form, except ex7 (tested below). */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"ex1", "ex2", "ex3", "ex4", "ex5", "ex6", "ex8", "ex9", "ex10", "ex11", "ex12"})
  void resolutionEqualsPublishedResolvedForm(String example) {
    JsonNode expected = FormatFixtures.json("senml/" + example + ".gen.resolved.json");
    // The examples with relative times were resolved at the time their first record shows.
    Instant now = time(expected.get(0));

    SenmlDecoder.Resolution resolution = resolve(example, now);

    assertEquals(List.of(), resolution.rejections());
    assertEquals(expected.size(), resolution.records().size(), example + " record count");
    for (int i = 0; i < expected.size(); i++) {
      assertResolved(example + " record " + i, expected.get(i), resolution.records().get(i));
    }
  }

  @Test
  void resolutionOfEx7KeepsDataValueRecord() {
    JsonNode expected = FormatFixtures.json("senml/ex7.gen.resolved.json");
    Instant now = time(expected.get(0));

    SenmlDecoder.Resolution resolution = resolve("ex7", now);

    // The published resolved form of ex7 leaves out the vd record; resolution keeps it.
    assertEquals(4, resolution.records().size());
    for (int i = 0; i < expected.size(); i++) {
      assertResolved("ex7 record " + i, expected.get(i), resolution.records().get(i));
    }
    SenmlRecord data = resolution.records().get(3);
    assertEquals("urn:dev:ow:10e2073a01080063:nfv-reader", data.name());
    assertEquals("aGkgCg", data.dataValue());
    assertEquals(now, data.time());
  }

  @Test
  void ex13ResolvesAbsoluteTimesWithFractions() {
    SenmlDecoder.Resolution resolution = resolve("ex13", NOW);

    assertEquals(4, resolution.records().size());
    assertEquals(Instant.parse("2011-10-31T16:27:09Z"), resolution.records().get(1).time());
    assertEquals(Instant.parse("2011-10-31T16:27:09.100Z"), resolution.records().get(2).time());
    assertEquals("2001:db8::4", resolution.records().get(3).name());
    assertEquals(0.0, resolution.records().get(3).value());
  }

  @Test
  void ex7NonNumericValuesAreRejectedAsItems() {
    DecodedRecord decoded = decode(FormatFixtures.text("senml/ex7.gen.json"));

    assertEquals(1, decoded.candidates().size());
    assertEquals("temp", decoded.candidates().get(0).sensorId());
    assertEquals(3, decoded.rejections().size());
    for (Rejection rejection : decoded.rejections()) {
      assertEquals(ReasonCode.VALUE_NOT_NUMERIC, rejection.code(), rejection.reason());
    }
    assertEquals(
        List.of(1, 2, 3), decoded.rejections().stream().map(Rejection::itemIndex).toList());
  }

  @Test
  void urnNameFeedsSensorOfLastSegment() {
    DecodedRecord decoded = decode(FormatFixtures.text("senml/ex2.gen.json"));

    assertEquals(List.of("voltage", "current"), sensorIds(decoded));
    assertEquals(120.1, decoded.candidates().get(0).value());
    assertEquals("V", decoded.candidates().get(0).unit());
    assertEquals("A", decoded.candidates().get(1).unit());
    assertEquals(NOW, decoded.candidates().get(1).observedAt());
  }

  @Test
  void baseNameAndNameFormSensorId() {
    String pack =
        "[{\"bn\":\"rathaus-og1-raum12-\",\"bt\":1772438400,\"bu\":\"Cel\",\"n\":\"temp\",\"v\":21.5},"
            + "{\"n\":\"hum\",\"u\":\"%RH\",\"t\":-60.25,\"v\":40}]";

    DecodedRecord decoded = decode(pack);

    assertEquals(List.of("rathaus-og1-raum12-temp", "rathaus-og1-raum12-hum"), sensorIds(decoded));
    Candidate temperature = decoded.candidates().get(0);
    assertEquals(21.5, temperature.value());
    assertEquals("Cel", temperature.unit());
    assertEquals(Instant.parse("2026-03-02T08:00:00Z"), temperature.observedAt());
    Candidate humidity = decoded.candidates().get(1);
    assertEquals("%RH", humidity.unit());
    assertEquals(Instant.parse("2026-03-02T07:58:59.750Z"), humidity.observedAt());
  }

  @Test
  void relativeTimesCountFromNow() {
    String pack = "[{\"n\":\"a-temp\",\"t\":-30,\"v\":1},{\"n\":\"a-temp\",\"t\":0.5,\"v\":2}]";

    DecodedRecord decoded = decode(pack);

    assertEquals(NOW.minusSeconds(30), decoded.candidates().get(0).observedAt());
    assertEquals(NOW.plusMillis(500), decoded.candidates().get(1).observedAt());
  }

  @Test
  void baseValueAndBaseSumAreAdded() {
    String pack =
        "[{\"bn\":\"meter-\",\"bt\":1772438400,\"bv\":1000,\"n\":\"a\",\"u\":\"kWh\",\"v\":1.5},"
            + "{\"n\":\"b\",\"u\":\"kWh\"},"
            + "{\"bs\":500,\"n\":\"c\",\"u\":\"W\",\"s\":100}]";

    SenmlDecoder.Resolution resolution =
        SenmlDecoder.resolve(FormatFixtures.parse(pack), pack, NOW);

    assertEquals(1001.5, resolution.records().get(0).value());
    assertEquals(1000.0, resolution.records().get(1).value());
    assertNull(resolution.records().get(2).value());
    assertEquals(600.0, resolution.records().get(2).sum());
  }

  @Test
  void sumOnlyRecordUsesIntegralUnit() {
    String pack = "[{\"n\":\"rathaus-energy\",\"bt\":1772438400,\"u\":\"W\",\"s\":3.6e6}]";

    DecodedRecord decoded = decode(pack);

    Candidate energy = decoded.candidates().get(0);
    assertEquals(3.6e6, energy.value());
    assertEquals("J", energy.unit());
  }

  @Test
  void updateTimeAndUnknownFieldsAreIgnored() {
    String pack = "[{\"n\":\"a-temp\",\"bt\":1772438400,\"v\":21,\"ut\":300,\"gateway\":\"gw-7\"}]";

    DecodedRecord decoded = decode(pack);

    assertEquals(List.of("a-temp"), sensorIds(decoded));
    assertEquals(List.of(), decoded.rejections());
  }

  @Test
  void underscoreFieldRejectsWholePack() {
    String pack =
        "[{\"bn\":\"rathaus-\",\"n\":\"temp\",\"v\":21},{\"n\":\"hum\",\"v\":40,\"crit_\":1}]";

    DecodedRecord decoded = decode(pack);

    assertEquals(List.of(), decoded.candidates());
    assertEquals(1, decoded.rejections().size());
    Rejection rejection = decoded.rejections().get(0);
    assertEquals(ReasonCode.UNKNOWN_MANDATORY_FIELD, rejection.code());
    assertTrue(rejection.reason().contains("'crit_'"), rejection.reason());
    assertEquals(pack, rejection.raw());
    assertEquals(0, rejection.itemIndex());
  }

  @Test
  void newerVersionRejectsWholePack() {
    DecodedRecord decoded = decode("[{\"bver\":11,\"n\":\"a-temp\",\"v\":21}]");

    assertEquals(ReasonCode.UNSUPPORTED_FORMAT, decoded.rejections().get(0).code());
    assertEquals(List.of(), decoded.candidates());
  }

  @Test
  void millisecondTimeIsRejected() {
    DecodedRecord decoded = decode("[{\"n\":\"a-temp\",\"t\":1772438400000,\"v\":21}]");

    assertEquals(ReasonCode.INVALID_TIMESTAMP, decoded.rejections().get(0).code());
  }

  @Test
  void recordWithoutValueOrSumIsRejected() {
    DecodedRecord decoded = decode("[{\"n\":\"a-temp\",\"u\":\"Cel\"}]");

    assertEquals(ReasonCode.MISSING_FIELD, decoded.rejections().get(0).code());
    assertEquals("a-temp", decoded.rejections().get(0).sensorId());
  }

  @Test
  void stringNumberValueIsNotNumeric() {
    DecodedRecord decoded = decode("[{\"n\":\"a-temp\",\"v\":\"21.4\"}]");

    assertEquals(ReasonCode.VALUE_NOT_NUMERIC, decoded.rejections().get(0).code());
  }

  @Test
  void quarantinedRecordTextIsResolvedPack() {
    DecodedRecord decoded =
        decode("[{\"bn\":\"x-\",\"bt\":1772438400.5,\"n\":\"label\",\"vs\":\"on\"}]");

    assertEquals(
        "[{\"n\":\"x-label\",\"t\":1772438400.5,\"vs\":\"on\"}]",
        decoded.rejections().get(0).raw());
  }

  private static SenmlDecoder.Resolution resolve(String example, Instant now) {
    String text = FormatFixtures.text("senml/" + example + ".gen.json");
    return SenmlDecoder.resolve(FormatFixtures.parse(text), text, now);
  }

  private static DecodedRecord decode(String pack) {
    return SenmlDecoder.decode(FormatFixtures.parse(pack), pack, NOW);
  }

  private static List<String> sensorIds(DecodedRecord decoded) {
    return decoded.candidates().stream().map(Candidate::sensorId).toList();
  }

  private static Instant time(JsonNode resolved) {
    return Timestamps.fromEpochSeconds(resolved.get("t").decimalValue());
  }

  private static void assertResolved(String where, JsonNode expected, SenmlRecord actual) {
    assertEquals(expected.get("n").asText(), actual.name(), where + " name");
    assertEquals(expected.path("u").textValue(), actual.unit(), where + " unit");
    assertEquals(time(expected), actual.time(), where + " time");
    Double value = expected.has("v") ? expected.get("v").asDouble() : null;
    assertEquals(value, actual.value(), where + " value");
    assertEquals(expected.path("vs").textValue(), actual.stringValue(), where + " string value");
    Boolean bool = expected.has("vb") ? expected.get("vb").asBoolean() : null;
    assertEquals(bool, actual.booleanValue(), where + " boolean value");
  }
}
