package io.citypulse.ingest.registry;

import java.util.Arrays;
import java.util.Optional;

/**
 * Quantity a sensor measures, with the canonical unit (a UCUM code as SenML uses it) it is stored
 * in.
 */
public enum Metric {
  TEMPERATURE("temperature", "Cel", false),
  HUMIDITY("humidity", "%RH", false),
  CO2("co2", "ppm", false),
  ILLUMINANCE("illuminance", "lx", false),
  POWER("power", "W", false),
  ENERGY("energy", "kWh", true),
  WATER("water", "m3", true),
  GAS("gas", "m3", true);

  private final String id;
  private final String canonicalUnit;
  private final boolean cumulative;

  Metric(String id, String canonicalUnit, boolean cumulative) {
    this.id = id;
    this.canonicalUnit = canonicalUnit;
    this.cumulative = cumulative;
  }

  public String id() {
    return id;
  }

  public String canonicalUnit() {
    return canonicalUnit;
  }

  /** Returns whether the sensor is a meter that reports a cumulative counter. */
  public boolean cumulative() {
    return cumulative;
  }

  public static Optional<Metric> fromId(String id) {
    return Arrays.stream(values()).filter(metric -> metric.id.equals(id)).findFirst();
  }

  /** Lists the metric ids, for error messages. */
  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(Metric::id).toList());
  }
}
