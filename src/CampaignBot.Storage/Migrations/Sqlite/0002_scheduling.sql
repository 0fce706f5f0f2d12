-- Reminders: one row per (event, offset) and per personal reminder, written in the same transaction as the
-- event change that implies it. The dispatcher claims rows whose fire time has come.
-- personal_reminder_id is 0 for an event's own reminders (to subscribed channels).
-- state: pending | claimed | sent | late | missed | failed | cancelled

CREATE TABLE reminders (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id             INTEGER NOT NULL REFERENCES events (id),
    personal_reminder_id INTEGER NOT NULL,
    offset_seconds       INTEGER NOT NULL,
    due_at_ms            INTEGER NOT NULL, -- when it is meant to go out
    fire_at_ms           INTEGER NOT NULL, -- when to (re)try: the due time, or later after a failed attempt
    state                TEXT    NOT NULL,
    attempts             INTEGER NOT NULL,
    claimed_by           TEXT,
    lease_until_ms       INTEGER,
    last_error           TEXT,
    updated_at_ms        INTEGER NOT NULL,
    UNIQUE (event_id, personal_reminder_id, offset_seconds)
) STRICT;

CREATE INDEX ix_reminders_pending_fire ON reminders (fire_at_ms) WHERE state = 'pending';
CREATE INDEX ix_reminders_claimed_lease ON reminders (lease_until_ms) WHERE state = 'claimed';

-- One row per message and destination: the send decision is recorded before the send, so a re-run after a crash
-- or fail-over never posts twice. message_key: reminder:<id>, event:<id>:cancelled, announce:…, digest:<date>.
-- state: sending | sent | failed
CREATE TABLE deliveries (
    message_key         TEXT    NOT NULL,
    platform            TEXT    NOT NULL,
    destination_id      TEXT    NOT NULL,
    state               TEXT    NOT NULL,
    attempts            INTEGER NOT NULL,
    platform_message_id TEXT,
    last_error          TEXT,
    updated_at_ms       INTEGER NOT NULL,
    PRIMARY KEY (message_key, platform, destination_id)
) STRICT;

-- Posts carrying a tracked hashtag, once per (tag, post URI), bucketed by hour for counting.
CREATE TABLE hashtag_mentions (
    tag_key      TEXT    NOT NULL,
    uri          TEXT    NOT NULL,
    platform     TEXT    NOT NULL,
    posted_at_ms INTEGER NOT NULL,
    hour_ms      INTEGER NOT NULL,
    PRIMARY KEY (tag_key, uri)
) STRICT;

CREATE INDEX ix_hashtag_mentions_hour ON hashtag_mentions (tag_key, hour_ms);
