-- Replay bookkeeping: an entry is open until a replay stores it.
ALTER TABLE quarantine
    ADD COLUMN status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'replayed')),
    ADD COLUMN replay_count      integer NOT NULL DEFAULT 0,
    ADD COLUMN last_replayed_at  timestamptz;

CREATE INDEX quarantine_status_idx ON quarantine (status, received_at);
