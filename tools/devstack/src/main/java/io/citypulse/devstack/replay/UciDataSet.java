package io.citypulse.devstack.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Reads the UCI Occupancy Detection files (datatest.txt, datatraining.txt, datatest2.txt) into one
 * time-ordered list.
 *
 * <p>The files are comma-separated with a header of 7 quoted names (date, Temperature, Humidity,
 * Light, CO2, HumidityRatio, Occupancy), but each data row has 8 fields: a quoted row number comes
 * first. Two files quote the timestamp and datatest2.txt does not. Timestamps are local time
 * without a zone; they are read in the zone given to {@link #load}. The files cover different,
 * separate days and are not in time order with each other, so all rows are sorted by time after
 * reading.
 */
public final class UciDataSet {

  private static final Logger LOG = Logger.getLogger(UciDataSet.class);
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final List<String> REQUIRED_COLUMNS =
      List.of("date", "Temperature", "Humidity", "Light", "CO2");

  private UciDataSet() {}

  /**
   * Reads every {@code *.txt} file in {@code directory} and returns their rows sorted by time. Of
   * rows with the same timestamp only the first one read is kept.
   *
   * @param zone zone of the local timestamps in the files
   */
  public static List<UciReading> load(Path directory, ZoneId zone) throws IOException {
    List<Path> files;
    try (Stream<Path> entries = Files.list(directory)) {
      files = entries.filter(path -> path.toString().endsWith(".txt")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("No UCI data files (*.txt) found in " + directory.toAbsolutePath());
    }
    List<UciReading> readings = new ArrayList<>();
    for (Path file : files) {
      List<UciReading> fileReadings =
          parse(
              file.getFileName().toString(),
              Files.readAllLines(file, StandardCharsets.UTF_8),
              zone);
      LOG.infof("Read %d rows from %s", fileReadings.size(), file);
      readings.addAll(fileReadings);
    }
    return sortedWithoutDuplicates(readings);
  }

  /**
   * Parses the lines of one file, header first.
   *
   * @param fileName used in error messages only
   * @throws IOException when the header lacks a required column or a row is malformed
   */
  static List<UciReading> parse(String fileName, List<String> lines, ZoneId zone)
      throws IOException {
    if (lines.isEmpty()) {
      throw new IOException(fileName + " is empty: expected a header line");
    }
    List<String> header = Arrays.stream(splitFields(lines.get(0))).toList();
    int[] columnIndexes = new int[REQUIRED_COLUMNS.size()];
    for (int c = 0; c < REQUIRED_COLUMNS.size(); c++) {
      columnIndexes[c] = header.indexOf(REQUIRED_COLUMNS.get(c));
      if (columnIndexes[c] < 0) {
        throw new IOException(
            fileName + ": header has no column '" + REQUIRED_COLUMNS.get(c) + "': " + lines.get(0));
      }
    }

    List<UciReading> readings = new ArrayList<>(lines.size());
    for (int lineNumber = 2; lineNumber <= lines.size(); lineNumber++) {
      String line = lines.get(lineNumber - 1);
      if (line.isBlank()) {
        continue;
      }
      readings.add(parseRow(fileName, lineNumber, line, header.size(), columnIndexes, zone));
    }
    return readings;
  }

  private static UciReading parseRow(
      String fileName,
      int lineNumber,
      String line,
      int headerSize,
      int[] columnIndexes,
      ZoneId zone)
      throws IOException {
    String[] fields = splitFields(line);
    // The published files carry an unnamed row number before the named columns.
    int shift = fields.length - headerSize;
    if (shift != 0 && shift != 1) {
      throw new IOException(
          String.format(
              "%s line %d: expected %d or %d fields, found %d: %s",
              fileName, lineNumber, headerSize, headerSize + 1, fields.length, line));
    }
    try {
      LocalDateTime local = LocalDateTime.parse(fields[columnIndexes[0] + shift], TIMESTAMP);
      return new UciReading(
          local.atZone(zone).toInstant(),
          Double.parseDouble(fields[columnIndexes[1] + shift]),
          Double.parseDouble(fields[columnIndexes[2] + shift]),
          Double.parseDouble(fields[columnIndexes[3] + shift]),
          Double.parseDouble(fields[columnIndexes[4] + shift]));
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IOException(
          String.format("%s line %d: invalid value (%s): %s", fileName, lineNumber, e, line), e);
    }
  }

  /** Splits a line at commas and removes the double quotes around a field, if any. */
  private static String[] splitFields(String line) {
    String[] fields = line.strip().split(",", -1);
    for (int i = 0; i < fields.length; i++) {
      String field = fields[i].strip();
      if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
        field = field.substring(1, field.length() - 1);
      }
      fields[i] = field;
    }
    return fields;
  }

  /** Sorts by time. Of rows with the same timestamp, the one earliest in the list stays. */
  static List<UciReading> sortedWithoutDuplicates(List<UciReading> readings) {
    List<UciReading> sorted = new ArrayList<>(readings);
    sorted.sort(Comparator.comparing(UciReading::observedAt));
    List<UciReading> unique = new ArrayList<>(sorted.size());
    Instant previous = null;
    for (UciReading reading : sorted) {
      if (!reading.observedAt().equals(previous)) {
        unique.add(reading);
      }
      previous = reading.observedAt();
    }
    if (unique.size() < sorted.size()) {
      LOG.warnf(
          "Dropped %d rows whose timestamp another row already had", sorted.size() - unique.size());
    }
    return unique;
  }
}
