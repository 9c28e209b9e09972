package io.citypulse.ingest.registry;

import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * The one conversion table from the units gateways send to the canonical unit of each metric. Unit
 * codes follow UCUM as SenML (RFC 8428, section 12.1) registers them, plus common spellings that
 * gateways use ({@code °C}, {@code %}, {@code lux}).
 */
public final class Units {

  private record Conversion(Metric metric, DoubleUnaryOperator toCanonical) {}

  private static final DoubleUnaryOperator IDENTITY = value -> value;

  private static final Map<String, Conversion> CONVERSIONS =
      Map.ofEntries(
          Map.entry("Cel", new Conversion(Metric.TEMPERATURE, IDENTITY)),
          Map.entry("°C", new Conversion(Metric.TEMPERATURE, IDENTITY)),
          Map.entry("K", new Conversion(Metric.TEMPERATURE, kelvin -> kelvin - 273.15)),
          Map.entry(
              "degF", new Conversion(Metric.TEMPERATURE, fahrenheit -> (fahrenheit - 32) / 1.8)),
          Map.entry(
              "°F", new Conversion(Metric.TEMPERATURE, fahrenheit -> (fahrenheit - 32) / 1.8)),
          Map.entry("%RH", new Conversion(Metric.HUMIDITY, IDENTITY)),
          Map.entry("%", new Conversion(Metric.HUMIDITY, IDENTITY)),
          Map.entry("/", new Conversion(Metric.HUMIDITY, ratio -> ratio * 100)),
          Map.entry("ppm", new Conversion(Metric.CO2, IDENTITY)),
          Map.entry("ppb", new Conversion(Metric.CO2, ppb -> ppb / 1000)),
          Map.entry("lx", new Conversion(Metric.ILLUMINANCE, IDENTITY)),
          Map.entry("lux", new Conversion(Metric.ILLUMINANCE, IDENTITY)),
          Map.entry("W", new Conversion(Metric.POWER, IDENTITY)),
          Map.entry("kW", new Conversion(Metric.POWER, kilowatts -> kilowatts * 1000)),
          Map.entry("kWh", new Conversion(Metric.ENERGY, IDENTITY)),
          Map.entry("Wh", new Conversion(Metric.ENERGY, wattHours -> wattHours / 1000)),
          Map.entry("MWh", new Conversion(Metric.ENERGY, megawattHours -> megawattHours * 1000)),
          Map.entry("J", new Conversion(Metric.ENERGY, joules -> joules / 3.6e6)),
          Map.entry("kJ", new Conversion(Metric.ENERGY, kilojoules -> kilojoules / 3600)),
          Map.entry("m3", new Conversion(Metric.WATER, IDENTITY)),
          Map.entry("l", new Conversion(Metric.WATER, litres -> litres / 1000)),
          Map.entry("L", new Conversion(Metric.WATER, litres -> litres / 1000)));

  /** Rate units whose integral over seconds has a unit of its own in the table above. */
  private static final Map<String, String> TIME_INTEGRALS =
      Map.of("W", "J", "kW", "kJ", "m3/s", "m3", "l/s", "l", "L/s", "L");

  private Units() {}

  /**
   * Converts a value to the canonical unit of the metric.
   *
   * @return empty when the unit is unknown or measures something else
   */
  public static Optional<Double> toCanonical(Metric metric, String unit, double value) {
    Conversion conversion = CONVERSIONS.get(unit);
    if (conversion == null) {
      return Optional.empty();
    }
    // Water and gas are both volumes: a volume unit converts for either metric.
    boolean volume = conversion.metric() == Metric.WATER && metric == Metric.GAS;
    if (conversion.metric() != metric && !volume) {
      return Optional.empty();
    }
    return Optional.of(conversion.toCanonical().applyAsDouble(value));
  }

  /** Whether the unit is the canonical one of its metric, or converts to it. */
  public static boolean converts(Metric metric, String unit) {
    return toCanonical(metric, unit, 0).isPresent();
  }

  /**
   * Returns the unit of a value integrated over seconds, which is the unit of a SenML sum (RFC
   * 8428, section 4.2): {@code W} gives {@code J}, {@code m3/s} gives {@code m3}. Any other unit
   * gives its UCUM product with seconds, such as {@code kWh.s}, which converts to no metric.
   */
  public static String timeIntegral(String unit) {
    return TIME_INTEGRALS.getOrDefault(unit, unit + ".s");
  }
}
