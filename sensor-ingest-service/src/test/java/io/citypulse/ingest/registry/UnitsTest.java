package io.citypulse.ingest.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

  @ParameterizedTest(name = "{2} {1} is {3} in the canonical unit of {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "temperature | Cel  | 21.5    | 21.5",
        "temperature | °C   | 21.5    | 21.5",
        "temperature | K    | 294.65  | 21.5",
        "temperature | degF | 71.6    | 22.0",
        "temperature | °F   | -40     | -40",
        "humidity    | %RH  | 45.5    | 45.5",
        "humidity    | %    | 45.5    | 45.5",
        "humidity    | /    | 0.455   | 45.5",
        "co2         | ppm  | 776     | 776",
        "co2         | ppb  | 776000  | 776",
        "illuminance | lx   | 678.5   | 678.5",
        "illuminance | lux  | 678.5   | 678.5",
        "power       | W    | 1500    | 1500",
        "power       | kW   | 1.5     | 1500",
        "energy      | kWh  | 12.5    | 12.5",
        "energy      | Wh   | 12500   | 12.5",
        "energy      | MWh  | 0.0125  | 12.5",
        "energy      | J    | 45e6    | 12.5",
        "energy      | kJ   | 45000   | 12.5",
        "water       | m3   | 3.25    | 3.25",
        "water       | l    | 3250    | 3.25",
        "water       | L    | 3250    | 3.25",
        "gas         | m3   | 3.25    | 3.25",
        "gas         | l    | 3250    | 3.25",
      })
  void convertsToCanonicalUnit(String metricId, String unit, double value, double expected) {
    Metric metric = Metric.fromId(metricId).orElseThrow();

    Optional<Double> canonical = Units.toCanonical(metric, unit, value);

    assertTrue(canonical.isPresent(), unit + " should convert for " + metricId);
    assertEquals(expected, canonical.get(), 1e-9);
  }

  @ParameterizedTest(name = "{1} does not convert for {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "temperature | %RH",
        "co2         | lx",
        "energy      | W",
        "water       | kWh",
        "humidity    | Pa",
        "temperature | kWh.s"
      })
  void rejectsUnitOfAnotherMetric(String metricId, String unit) {
    Metric metric = Metric.fromId(metricId).orElseThrow();

    assertTrue(Units.toCanonical(metric, unit, 1).isEmpty());
  }

  @ParameterizedTest(name = "{0} integrated over seconds is {1}")
  @CsvSource({"W, J", "kW, kJ", "m3/s, m3", "l/s, l", "L/s, L", "kWh, kWh.s"})
  void timeIntegralOfRate(String unit, String integral) {
    assertEquals(integral, Units.timeIntegral(unit));
  }

  @Test
  void wattSecondsSumConvertsToKilowattHours() {
    String sumUnit = Units.timeIntegral("W");

    assertEquals(1.0, Units.toCanonical(Metric.ENERGY, sumUnit, 3.6e6).orElseThrow(), 1e-12);
  }
}
