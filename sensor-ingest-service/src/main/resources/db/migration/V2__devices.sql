-- LoRaWAN end devices (The Things Stack, ChirpStack) and the sensor each field of their decoded
-- payload feeds. dev_eui is stored as 16 lower-case hex digits. A device with no fields is still
-- known: its uplinks count as unmapped fields instead of being quarantined as unknown_device.
CREATE TABLE devices (
    dev_eui     text PRIMARY KEY CHECK (dev_eui ~ '^[0-9a-f]{16}$'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- field is a dotted path into the decoded payload, e.g. 'air_temperature.value'. unit is the unit
-- the payload decoder reports the field in; NULL means the canonical unit of the sensor's metric.
-- There is no foreign key to sensors, so that deleting a sensor stays possible. Readings of a
-- mapping whose sensor is gone are quarantined as unknown_sensor.
CREATE TABLE device_fields (
    dev_eui    text NOT NULL REFERENCES devices (dev_eui) ON DELETE CASCADE,
    field      text NOT NULL,
    sensor_id  text NOT NULL,
    unit       text,
    PRIMARY KEY (dev_eui, field)
);

CREATE INDEX device_fields_sensor_idx ON device_fields (sensor_id);
