package io.citypulse.ingest.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of a sensor create or replace request.
 *
 * @param id required on {@code POST /api/sensors}; ignored on {@code PUT}
 * @param unit optional; when given it must be the canonical unit of the metric
 * @param expectedIntervalSeconds how often the sensor reports; health and alerting judge it by this
 * @param minValue lowest valid value in the canonical unit; lower readings are quarantined
 * @param maxValue highest valid value in the canonical unit; higher readings are quarantined
 */
public record SensorRequest(
    @Pattern(regexp = Ids.SENSOR_PATTERN, message = Ids.SENSOR_MESSAGE) String id,
    @NotBlank @Pattern(regexp = Ids.BUILDING_PATTERN, message = Ids.BUILDING_MESSAGE)
        String buildingId,
    @Size(max = 200) String name,
    @Size(max = 200) String room,
    @NotBlank String metric,
    @Size(max = 16) String unit,
    @NotNull @Min(1) @Max(604800) Integer expectedIntervalSeconds,
    Double minValue,
    Double maxValue) {}
