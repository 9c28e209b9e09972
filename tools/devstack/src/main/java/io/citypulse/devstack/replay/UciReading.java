package io.citypulse.devstack.replay;

import java.time.Instant;

/**
 * One row of the UCI Occupancy Detection data set: the room climate of one office, sampled about
 * once a minute. The columns HumidityRatio and Occupancy are not replayed, so they are not kept.
 *
 * @param temperature degrees Celsius
 * @param humidity relative humidity in percent
 * @param light illuminance in lux
 * @param co2 CO2 concentration in ppm
 */
public record UciReading(
    Instant observedAt, double temperature, double humidity, double light, double co2) {}
