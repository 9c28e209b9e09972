package io.citypulse.ingest.reading.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Timestamp forms that gateway formats use. An ISO-8601 date-time must carry a UTC offset ({@code
 * Z} or {@code +01:00}) and may carry a fraction of up to nine digits. Epoch numbers are read only
 * in the unit the format defines. The caller rejects a number that only makes sense in another unit
 * instead of guessing.
 */
final class Timestamps {

  /**
   * Epoch seconds at or above this (the year 5138) are taken for epoch milliseconds sent by
   * mistake: 10^11 milliseconds is 1973-03-03, so the two ranges do not overlap in practice.
   */
  static final BigDecimal SMALLEST_EPOCH_MILLIS_AS_SECONDS = new BigDecimal("1e11");

  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private Timestamps() {}

  /** Parses an ISO-8601 date-time with offset; empty when the text is anything else. */
  static Optional<Instant> parseIsoWithOffset(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Converts epoch seconds with a fraction to an instant, rounded to the nearest nanosecond. */
  static Instant fromEpochSeconds(BigDecimal seconds) {
    BigDecimal nanos = seconds.multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.HALF_EVEN);
    BigDecimal[] split = nanos.divideAndRemainder(NANOS_PER_SECOND);
    return Instant.ofEpochSecond(split[0].longValueExact(), split[1].longValueExact());
  }

  /** Converts an instant to epoch seconds with a fraction, without rounding. */
  static BigDecimal toEpochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.getEpochSecond())
        .add(BigDecimal.valueOf(instant.getNano(), 9))
        .stripTrailingZeros();
  }
}
