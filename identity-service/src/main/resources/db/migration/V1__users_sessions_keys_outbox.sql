-- Users, machine clients, sessions with their refresh tokens, signing keys and the event outbox of
-- identity-service. Timestamps are timestamptz in UTC.

CREATE TABLE users (
    id                   uuid PRIMARY KEY,
    email                text        NOT NULL,
    name                 text        NOT NULL,
    role                 text        NOT NULL
        CHECK (role IN ('admin', 'techniker', 'energiemanager', 'gebaeudeverwalter', 'buerger', 'analyst')),
    buildings            text[]      NOT NULL DEFAULT '{}',
    status               text        NOT NULL
        CHECK (status IN ('active', 'suspended', 'deactivated', 'locked')),
    status_reason        text,
    status_changed_at    timestamptz,
    -- End of a lock after failed logins; NULL with status 'locked' means locked until an admin unlocks.
    locked_until         timestamptz,
    -- A deactivation or suspension with an effective date in the future, applied by a scheduled job.
    pending_status       text CHECK (pending_status IN ('suspended', 'deactivated')),
    pending_reason       text,
    pending_effective_at timestamptz,
    password_hash        text        NOT NULL,
    must_change_password boolean     NOT NULL,
    last_login_at        timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

-- E-mail addresses are unique ignoring case.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_buildings_idx ON users USING gin (buildings);
CREATE INDEX users_last_login_idx ON users (last_login_at);
CREATE INDEX users_pending_idx ON users (pending_effective_at) WHERE pending_effective_at IS NOT NULL;

-- Failed logins per lower-cased e-mail, whether or not a user has that address, so that an unknown
-- address is throttled and gets the same response as a known one.
CREATE TABLE login_attempts (
    email             text PRIMARY KEY,
    failures          integer     NOT NULL,
    window_started_at timestamptz NOT NULL,
    locked_until      timestamptz
);

CREATE TABLE clients (
    id          text PRIMARY KEY,
    name        text        NOT NULL,
    -- Argon2id PHC string; NULL for a public client, which authenticates with its id alone.
    secret_hash text,
    grant_types text[]      NOT NULL,
    scopes      text[]      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO clients (id, name, secret_hash, grant_types, scopes)
VALUES ('citypulse-dashboard', 'CityPulse dashboard', NULL,
        '{password,refresh_token}', '{openid,profile,email}');

-- One session per refresh-token family.
CREATE TABLE sessions (
    id               uuid PRIMARY KEY,
    user_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id        text        NOT NULL,
    scope            text        NOT NULL,
    ip               text,
    user_agent       text,
    created_at       timestamptz NOT NULL,
    last_activity_at timestamptz NOT NULL,
    revoked_at       timestamptz,
    revoke_reason    text
);

CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_last_activity_idx ON sessions (last_activity_at);

-- Refresh tokens are stored as SHA-256 digests only. A token with used_at set was rotated; presenting
-- it again revokes its session.
CREATE TABLE refresh_tokens (
    token_hash text PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    issued_at  timestamptz NOT NULL,
    used_at    timestamptz
);

CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

-- RSA signing keys. The key with retired_at NULL signs; a retired key stays in the JWKS until
-- published_until and is deleted after that.
CREATE TABLE signing_keys (
    kid             text PRIMARY KEY,
    algorithm       text        NOT NULL,
    public_jwk      text        NOT NULL,
    private_key     bytea       NOT NULL,
    created_at      timestamptz NOT NULL,
    retired_at      timestamptz,
    published_until timestamptz
);

CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys ((true)) WHERE retired_at IS NULL;

-- Events written in the transaction of the change they describe; a scheduled relay sends them to
-- Kafka and sets sent_at after the broker acknowledged them.
CREATE TABLE outbox (
    position    bigserial PRIMARY KEY,
    id          uuid        NOT NULL UNIQUE,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    event_type  text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    -- json, not jsonb: the relay sends the text exactly as it was written.
    payload     json        NOT NULL,
    sent_at     timestamptz
);

CREATE INDEX outbox_unsent_idx ON outbox (position) WHERE sent_at IS NULL;
