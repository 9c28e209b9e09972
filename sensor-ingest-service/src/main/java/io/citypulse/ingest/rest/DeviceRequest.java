package io.citypulse.ingest.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of {@code PUT /api/devices/{devEui}}: the sensor each decoded payload field feeds. The
 * request replaces all mappings of the device, so fields left out are no longer mapped.
 *
 * @param fields sensor per field path; nested values use dotted paths such as {@code
 *     air_temperature.value}
 */
public record DeviceRequest(
    @NotNull
        Map<
                @NotNull @Size(max = 200)
                @Pattern(
                    regexp = FIELD_PATH_PATTERN,
                    message = "must be one or more non-empty names joined by '.'")
                String,
                @NotNull @Valid DeviceFieldRequest>
            fields) {

  /** Dot-separated path whose segments are not empty. */
  static final String FIELD_PATH_PATTERN = "[^.]+(\\.[^.]+)*";
}
