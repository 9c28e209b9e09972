package io.citypulse.ingest.reading;

import java.util.List;

/** What one raw record decoded into: readings to validate and items already rejected. */
public record DecodedRecord(List<Candidate> candidates, List<Rejection> rejections) {

  public static DecodedRecord rejected(Rejection rejection) {
    return new DecodedRecord(List.of(), List.of(rejection));
  }
}
