package io.citypulse.ingest.api;

import java.time.Instant;

/** The newest reading of one sensor. */
public record LatestReadingView(
    String sensorId,
    String buildingId,
    String metric,
    String unit,
    double value,
    Instant observedAt,
    Instant receivedAt) {}
