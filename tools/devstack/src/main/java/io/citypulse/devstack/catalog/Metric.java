package io.citypulse.devstack.catalog;

import java.util.Locale;

/**
 * A quantity that a demo sensor measures, with the canonical unit that the ingest service expects
 * (UCUM codes as SenML uses them) and the defaults that the demo catalog gives each sensor.
 */
public enum Metric {
  TEMPERATURE("Cel", "temp", "Temperatur", 60, -30, 60),
  HUMIDITY("%RH", "hum", "Luftfeuchte", 60, 0, 100),
  CO2("ppm", "co2", "CO2", 60, 0, 10_000),
  ILLUMINANCE("lx", "lux", "Beleuchtungsstärke", 60, 0, 100_000),
  /** Cumulative electricity meter. */
  ENERGY("kWh", "energy", "Stromzähler", 900, 0, 1_000_000_000),
  /** Momentary electrical power at the building's main connection. */
  POWER("W", "power", "Wirkleistung", 60, 0, 1_000_000),
  /** Cumulative water meter. */
  WATER("m3", "water", "Wasserzähler", 900, 0, 100_000_000),
  /** Cumulative gas meter. */
  GAS("m3", "gas", "Gaszähler", 900, 0, 100_000_000);

  private final String unit;
  private final String idSuffix;
  private final String germanLabel;
  private final int expectedIntervalSeconds;
  private final double minValue;
  private final double maxValue;

  Metric(
      String unit,
      String idSuffix,
      String germanLabel,
      int expectedIntervalSeconds,
      double minValue,
      double maxValue) {
    this.unit = unit;
    this.idSuffix = idSuffix;
    this.germanLabel = germanLabel;
    this.expectedIntervalSeconds = expectedIntervalSeconds;
    this.minValue = minValue;
    this.maxValue = maxValue;
  }

  /** Returns the metric name used in the ingest API, such as {@code temperature}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the metric for an API name, or throws when the name is unknown. */
  public static Metric fromApiName(String apiName) {
    for (Metric metric : values()) {
      if (metric.apiName().equals(apiName)) {
        return metric;
      }
    }
    throw new IllegalArgumentException(
        "Unknown metric '"
            + apiName
            + "': expected one of temperature, humidity, co2,"
            + " illuminance, energy, power, water, gas");
  }

  public String unit() {
    return unit;
  }

  /** Last part of a sensor id, such as {@code temp} in {@code rathaus-og1-raum12-temp}. */
  public String idSuffix() {
    return idSuffix;
  }

  /** German word for the quantity, used in sensor names that municipal staff read. */
  public String germanLabel() {
    return germanLabel;
  }

  public int expectedIntervalSeconds() {
    return expectedIntervalSeconds;
  }

  public double minValue() {
    return minValue;
  }

  public double maxValue() {
    return maxValue;
  }
}
