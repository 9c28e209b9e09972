package io.citypulse.ingest.rest;

import io.citypulse.ingest.registry.Device;
import java.util.Map;
import java.util.TreeMap;

/** A LoRaWAN device as the API returns it, with its field mappings sorted by path. */
public record DeviceView(String devEui, Map<String, DeviceFieldRequest> fields) {

  static DeviceView of(Device device) {
    Map<String, DeviceFieldRequest> fields = new TreeMap<>();
    device.fields().forEach((path, field) -> fields.put(path, DeviceFieldRequest.of(field)));
    return new DeviceView(device.devEui(), fields);
  }
}
