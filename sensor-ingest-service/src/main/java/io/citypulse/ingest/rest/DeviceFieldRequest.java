package io.citypulse.ingest.rest;

import io.citypulse.ingest.api.Ids;
import io.citypulse.ingest.registry.DeviceField;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One field mapping of a device, in requests and responses.
 *
 * @param unit the unit the payload decoder reports the field in, e.g. {@code Cel} or {@code %RH}.
 *     Leave it out when that is the canonical unit of the sensor's metric
 */
public record DeviceFieldRequest(
    @NotBlank @Pattern(regexp = Ids.SENSOR_PATTERN, message = Ids.SENSOR_MESSAGE) String sensorId,
    @Size(max = 16) String unit) {

  DeviceField toField() {
    return new DeviceField(sensorId, unit);
  }

  static DeviceFieldRequest of(DeviceField field) {
    return new DeviceFieldRequest(field.sensorId(), field.unit());
  }
}
