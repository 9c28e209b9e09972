package io.citypulse.ingest.api;

import io.citypulse.problem.ProblemException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Parsing of query parameters into values, with problem+json errors naming the parameter. */
public final class QueryParams {

  private QueryParams() {}

  /** Parses an ISO-8601 date-time with offset; null stays null. */
  public static Instant instant(String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw ProblemException.invalidField(
          field, text, "an ISO-8601 date-time with offset, such as 2025-03-30T00:00:00+01:00");
    }
  }

  /** Checks that an integer parameter lies in [min, max]; null gives the default. */
  public static int intInRange(String field, Integer value, int defaultValue, int min, int max) {
    if (value == null) {
      return defaultValue;
    }
    if (value < min || value > max) {
      throw ProblemException.invalidField(field, value, "an integer from " + min + " to " + max);
    }
    return value;
  }
}
