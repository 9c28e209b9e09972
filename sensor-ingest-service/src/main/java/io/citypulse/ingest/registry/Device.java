package io.citypulse.ingest.registry;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A LoRaWAN end device and the sensors its decoded payload fields feed.
 *
 * @param devEui the device EUI as 16 lower-case hex digits
 * @param fields sensor per field path; nested values use dotted paths such as {@code
 *     air_temperature.value}
 */
public record Device(String devEui, Map<String, DeviceField> fields) {

  private static final Pattern DEV_EUI = Pattern.compile("[0-9A-Fa-f]{16}");

  public Device {
    fields = Map.copyOf(fields);
  }

  /** Checks whether the text is a device EUI: 16 hex digits in either case, without separators. */
  public static boolean isDevEui(String text) {
    return text != null && DEV_EUI.matcher(text).matches();
  }

  /** Returns the device EUI in lower case, its stored form. Check it with isDevEui first. */
  public static String normalizeDevEui(String devEui) {
    return devEui.toLowerCase(Locale.ROOT);
  }
}
