package io.citypulse.ingest.reading;

import io.citypulse.ingest.config.IngestConfig;
import io.citypulse.ingest.registry.Sensor;
import io.citypulse.ingest.registry.Units;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a decoded candidate against the registry and the clock: known sensor, unit convertible to
 * the sensor's canonical unit, value inside the sensor's valid range, observation time neither too
 * far in the future nor older than the retention horizon.
 */
@ApplicationScoped
public class ReadingValidator {

  private final IngestConfig config;

  public ReadingValidator(IngestConfig config) {
    this.config = config;
  }

  /** Result of one validation: exactly one of the two is set. */
  public record Outcome(ValidReading reading, Rejection rejection) {}

  public Outcome validate(
      Candidate candidate, Map<String, Sensor> sensors, Instant receivedAt, Instant now) {
    Sensor sensor = sensors.get(candidate.sensorId());
    if (sensor == null) {
      return reject(
          candidate,
          ReasonCode.UNKNOWN_SENSOR,
          "Sensor '" + candidate.sensorId() + "' is not in the registry; add it, then replay");
    }
    String unit = candidate.unit() == null ? sensor.unit() : candidate.unit();
    Optional<Double> value = Units.toCanonical(sensor.metric(), unit, candidate.value());
    if (value.isEmpty()) {
      return reject(
          candidate,
          ReasonCode.UNIT_NOT_CONVERTIBLE,
          "Unit '"
              + unit
              + "' cannot be converted to '"
              + sensor.unit()
              + "', the unit of "
              + sensor.metric().id()
              + " sensor '"
              + sensor.id()
              + "'");
    }
    if (candidate.observedAt().isAfter(now.plus(config.maxClockSkew()))) {
      return reject(
          candidate,
          ReasonCode.TIMESTAMP_IN_FUTURE,
          "observedAt "
              + candidate.observedAt()
              + " is more than "
              + config.maxClockSkew().toMinutes()
              + " minutes after the server time "
              + now
              + "; check the gateway clock");
    }
    if (candidate.observedAt().isBefore(now.minus(config.maxReadingAge()))) {
      return reject(
          candidate,
          ReasonCode.TIMESTAMP_TOO_OLD,
          "observedAt "
              + candidate.observedAt()
              + " is older than the retention of "
              + config.maxReadingAge().toDays()
              + " days");
    }
    double canonical = value.get();
    if (!sensor.inRange(canonical)) {
      return reject(
          candidate,
          ReasonCode.OUT_OF_RANGE,
          "Value "
              + canonical
              + " "
              + sensor.unit()
              + " is outside the valid range ["
              + bound(sensor.minValue())
              + ", "
              + bound(sensor.maxValue())
              + "] of sensor '"
              + sensor.id()
              + "'");
    }
    // PostgreSQL keeps microseconds; a finer time would not find its stored row again.
    Instant observedAt = candidate.observedAt().truncatedTo(ChronoUnit.MICROS);
    return new Outcome(new ValidReading(sensor, observedAt, canonical, receivedAt), null);
  }

  private static Outcome reject(Candidate candidate, ReasonCode code, String reason) {
    return new Outcome(null, Rejection.of(candidate, code, reason));
  }

  private static String bound(Double value) {
    return value == null ? "none" : value.toString();
  }
}
