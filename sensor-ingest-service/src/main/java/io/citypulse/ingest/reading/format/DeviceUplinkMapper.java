package io.citypulse.ingest.reading.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citypulse.ingest.reading.Candidate;
import io.citypulse.ingest.reading.DecodedRecord;
import io.citypulse.ingest.reading.ReasonCode;
import io.citypulse.ingest.reading.Rejection;
import io.citypulse.ingest.registry.Device;
import io.citypulse.ingest.registry.DeviceField;
import io.citypulse.ingest.registry.DeviceLookup;
import io.micrometer.core.instrument.Counter;
import io.quarkus.logging.Log;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the decoded payload of one LoRaWAN uplink to readings through the device registry, for The
 * Things Stack and ChirpStack alike.
 *
 * <p>The payload is flattened to dotted paths: {@code {"air_temperature": {"value": 27.7}}} gives
 * {@code air_temperature.value}, and array elements use their index ({@code channels.0}). A key
 * that contains a dot itself, such as Milesight's {@code pm2.5}, is used as it is. Each path mapped
 * to a sensor becomes one reading in the mapping's unit; a mapped path with a non-numeric value is
 * rejected as value_not_numeric. Paths that map to no sensor are counted in {@code
 * citypulse.ingest.unmapped.fields}, not quarantined. An uplink from a device that is not in the
 * registry is quarantined once, as a whole, with reason unknown_device.
 */
final class DeviceUplinkMapper {

  private final DeviceLookup devices;
  private final Counter unmappedFields;

  DeviceUplinkMapper(DeviceLookup devices, Counter unmappedFields) {
    this.devices = devices;
    this.unmappedFields = unmappedFields;
  }

  /**
   * Maps one uplink.
   *
   * @param devEuiField where the format keeps the device EUI, for messages
   * @param text the whole record, quarantined when the device is unknown
   */
  DecodedRecord map(
      String devEui, String devEuiField, JsonNode decoded, Instant observedAt, String text) {
    Optional<Device> device = devices.find(devEui);
    if (device.isEmpty()) {
      String reason =
          Device.isDevEui(devEui)
              ? "Device '"
                  + devEui
                  + "' is not in the registry; map its fields with PUT /api/devices/"
                  + devEui
                  + ", then replay"
              : "Field '" + devEuiField + "' is '" + devEui + "', expected 16 hex digits";
      return DecodedRecord.rejected(
          new Rejection(ReasonCode.UNKNOWN_DEVICE, reason, null, text, 0));
    }
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", decoded, leaves);
    List<Candidate> candidates = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    int index = 0;
    int unmapped = 0;
    for (Map.Entry<String, JsonNode> leaf : leaves.entrySet()) {
      DeviceField field = device.get().fields().get(leaf.getKey());
      if (field == null) {
        unmapped++;
      } else {
        Item item = new Item(device.get(), leaf.getKey(), leaf.getValue(), field, index);
        Rejection rejection = item.checkValue(observedAt);
        if (rejection == null) {
          candidates.add(item.toCandidate(observedAt));
        } else {
          rejections.add(rejection);
        }
      }
      index++;
    }
    if (unmapped > 0) {
      unmappedFields.increment(unmapped);
      Log.tracef("Uplink of device %s has %d unmapped fields", device.get().devEui(), unmapped);
    }
    return new DecodedRecord(candidates, rejections);
  }

  /** One decoded field that is mapped to a sensor. */
  private record Item(Device device, String path, JsonNode value, DeviceField field, int index) {

    Rejection checkValue(Instant observedAt) {
      if (!value.isNumber()) {
        return reject(ReasonCode.VALUE_NOT_NUMERIC, "a JSON number", observedAt);
      }
      if (!Double.isFinite(value.asDouble())) {
        return reject(ReasonCode.VALUE_NOT_FINITE, "a finite number", observedAt);
      }
      return null;
    }

    Candidate toCandidate(Instant observedAt) {
      return new Candidate(
          field.sensorId(), observedAt, value.asDouble(), field.unit(), text(observedAt), index);
    }

    private Rejection reject(ReasonCode code, String expected, Instant observedAt) {
      String reason =
          "Decoded field '"
              + path
              + "' of device "
              + device.devEui()
              + " is "
              + value
              + ", expected "
              + expected;
      return new Rejection(code, reason, field.sensorId(), text(observedAt), index);
    }

    /**
     * Writes the field as a CityPulse JSON reading, with the device and field for reference, so a
     * quarantined field can be replayed on its own.
     */
    private String text(Instant observedAt) {
      ObjectNode item = JsonNodeFactory.instance.objectNode();
      item.put("sensorId", field.sensorId());
      item.put("observedAt", observedAt.toString());
      item.set("value", value);
      if (field.unit() != null) {
        item.put("unit", field.unit());
      }
      item.put("devEui", device.devEui());
      item.put("field", path);
      return item.toString();
    }
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(join(prefix, field.getKey()), field.getValue(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(join(prefix, Integer.toString(i)), node.get(i), leaves);
      }
    } else {
      leaves.put(prefix, node);
    }
  }

  private static String join(String prefix, String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }
}
