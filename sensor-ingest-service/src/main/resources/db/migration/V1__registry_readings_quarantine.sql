-- Asset registry: buildings and their sensors.
CREATE TABLE buildings (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    address     text,
    time_zone   text NOT NULL DEFAULT 'Europe/Berlin',
    public      boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sensors (
    id                         text PRIMARY KEY,
    building_id                text NOT NULL REFERENCES buildings (id),
    name                       text,
    room                       text,
    metric                     text NOT NULL,
    unit                       text NOT NULL,
    expected_interval_seconds  integer NOT NULL CHECK (expected_interval_seconds > 0),
    min_value                  double precision,
    max_value                  double precision,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    CHECK (min_value IS NULL OR max_value IS NULL OR min_value < max_value)
);

CREATE INDEX sensors_building_idx ON sensors (building_id);

-- Readings, one row per (sensor, observed_at), in monthly partitions (UTC month bounds).
-- The service creates partitions ahead of time and on demand for late data; retention drops
-- whole partitions. There is no foreign key to sensors so that ingest stays a plain insert.
CREATE TABLE readings (
    sensor_id    text NOT NULL,
    observed_at  timestamptz NOT NULL,
    value        double precision NOT NULL,
    received_at  timestamptz NOT NULL,
    stored_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (sensor_id, observed_at)
) PARTITION BY RANGE (observed_at);

-- The newest reading per sensor; a late reading never replaces a newer one.
CREATE TABLE latest_readings (
    sensor_id    text PRIMARY KEY,
    observed_at  timestamptz NOT NULL,
    value        double precision NOT NULL,
    received_at  timestamptz NOT NULL
);

-- Records that failed validation, with the reason and the raw input for a later replay.
-- source_key identifies the input (Kafka topic/partition/offset and the item index inside an
-- array) so that a re-delivered record is not quarantined twice.
CREATE TABLE quarantine (
    id                 bigserial PRIMARY KEY,
    source_key         text NOT NULL UNIQUE,
    sensor_id          text,
    reason_code        text NOT NULL,
    reason             text NOT NULL,
    raw_payload        text NOT NULL,
    payload_bytes      integer NOT NULL,
    payload_truncated  boolean NOT NULL DEFAULT false,
    received_at        timestamptz NOT NULL,
    quarantined_at     timestamptz NOT NULL DEFAULT now(),
    replayed_at        timestamptz
);

CREATE INDEX quarantine_reason_idx ON quarantine (reason_code, received_at);
CREATE INDEX quarantine_sensor_idx ON quarantine (sensor_id, received_at);
