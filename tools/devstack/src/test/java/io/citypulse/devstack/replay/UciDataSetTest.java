package io.citypulse.devstack.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UciDataSetTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Path DATA = Path.of("../../data/uci-occupancy-detection");
  private static final String HEADER =
      "\"date\",\"Temperature\",\"Humidity\",\"Light\",\"CO2\",\"HumidityRatio\",\"Occupancy\"";

  @Test
  void quotedTimestampWithRowNumberIsParsed() throws IOException {
    List<UciReading> readings =
        UciDataSet.parse(
            "datatraining.txt",
            List.of(
                HEADER,
                "\"1\",\"2015-02-04 17:51:00\",23.18,27.272,426,721.25,0.00479298817650529,1"),
            BERLIN);

    UciReading reading = readings.get(0);
    assertEquals(Instant.parse("2015-02-04T16:51:00Z"), reading.observedAt());
    assertEquals(23.18, reading.temperature());
    assertEquals(27.272, reading.humidity());
    assertEquals(426, reading.light());
    assertEquals(721.25, reading.co2());
  }

  @Test
  void unquotedTimestampIsParsed() throws IOException {
    List<UciReading> readings =
        UciDataSet.parse(
            "datatest2.txt",
            List.of(
                HEADER,
                "\"1\",2015-02-11 14:48:00,21.76,31.1333333333333,437.333333333333,"
                    + "1029.66666666667,0.00502101089021385,1"),
            BERLIN);

    assertEquals(Instant.parse("2015-02-11T13:48:00Z"), readings.get(0).observedAt());
    assertEquals(1029.66666666667, readings.get(0).co2());
  }

  @Test
  void rowWithoutRowNumberIsParsed() throws IOException {
    List<UciReading> readings =
        UciDataSet.parse(
            "cleaned.txt",
            List.of(HEADER, "2015-02-11 14:48:00,21.76,31.1,437.3,1029.6,0.005,1"),
            BERLIN);

    assertEquals(21.76, readings.get(0).temperature());
  }

  @Test
  void rowWithWrongFieldCountIsRejected() {
    IOException error =
        assertThrows(
            IOException.class,
            () ->
                UciDataSet.parse(
                    "broken.txt", List.of(HEADER, "\"1\",\"2015-02-11 14:48:00\",21.76"), BERLIN));

    assertTrue(error.getMessage().contains("broken.txt line 2"), error.getMessage());
  }

  @Test
  void invalidNumberIsRejectedWithLine() {
    IOException error =
        assertThrows(
            IOException.class,
            () ->
                UciDataSet.parse(
                    "broken.txt",
                    List.of(HEADER, "\"1\",\"2015-02-11 14:48:00\",warm,31,437,1029,0.005,1"),
                    BERLIN));

    assertTrue(error.getMessage().contains("broken.txt line 2"), error.getMessage());
  }

  @Test
  void headerWithoutCo2IsRejected() {
    assertThrows(
        IOException.class,
        () ->
            UciDataSet.parse(
                "other.txt", List.of("\"date\",\"Temperature\",\"Humidity\",\"Light\""), BERLIN));
  }

  @Test
  void loadReadsAllThreeFiles() throws IOException {
    List<UciReading> readings = UciDataSet.load(DATA, BERLIN);

    assertEquals(2665 + 8143 + 9752, readings.size());
  }

  @Test
  void loadSortsAcrossFiles() throws IOException {
    List<UciReading> readings = UciDataSet.load(DATA, BERLIN);

    // datatest.txt (2 to 4 February) sorts before datatraining.txt although its name does not.
    assertEquals(Instant.parse("2015-02-02T13:19:00Z"), readings.get(0).observedAt());
    assertEquals(
        Instant.parse("2015-02-18T08:19:00Z"), readings.get(readings.size() - 1).observedAt());
    for (int i = 1; i < readings.size(); i++) {
      assertTrue(
          readings.get(i).observedAt().isAfter(readings.get(i - 1).observedAt()),
          "row " + i + " is not after row " + (i - 1));
    }
  }

  @Test
  void duplicateTimestampsKeepFirstRow() throws IOException {
    List<UciReading> first =
        UciDataSet.parse(
            "a.txt",
            List.of(HEADER, "\"1\",\"2015-02-04 17:51:00\",20,30,400,700,0.004,1"),
            BERLIN);
    List<UciReading> second =
        UciDataSet.parse(
            "b.txt", List.of(HEADER, "\"1\",2015-02-04 17:51:00,25,35,450,750,0.005,0"), BERLIN);

    List<UciReading> both = new ArrayList<>(first);
    both.addAll(second);

    List<UciReading> merged = UciDataSet.sortedWithoutDuplicates(both);
    assertEquals(1, merged.size());
    assertEquals(20, merged.get(0).temperature());
  }
}
