package io.citypulse.ingest.registry;

/**
 * The sensor that one decoded payload field of a LoRaWAN device feeds.
 *
 * @param unit the unit the device's payload decoder reports the field in, or {@code null} when it
 *     is already the canonical unit of the sensor's metric
 */
public record DeviceField(String sensorId, String unit) {}
