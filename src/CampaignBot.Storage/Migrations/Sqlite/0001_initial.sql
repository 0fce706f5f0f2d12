-- Instants are unix milliseconds (UTC). Enums are lowercase words. Lists are comma-separated:
-- hashtags without '#', event kinds by name, reminder offsets in whole seconds.
-- People are (platform, id, display name); the pair (platform, id) is the identity.

CREATE TABLE events (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    kind                TEXT    NOT NULL,
    title               TEXT    NOT NULL,
    title_key           TEXT    NOT NULL, -- lower-cased title for prefix search; lower() in SQLite is ASCII-only
    starts_at_ms        INTEGER NOT NULL,
    ends_at_ms          INTEGER,
    time_zone           TEXT    NOT NULL,
    location            TEXT,
    description         TEXT,
    hashtags            TEXT    NOT NULL,
    link                TEXT,
    status              TEXT    NOT NULL,
    cancel_reason       TEXT,
    reminder_offsets    TEXT    NOT NULL,
    created_by_platform TEXT    NOT NULL,
    created_by_id       TEXT    NOT NULL,
    created_by_name     TEXT    NOT NULL,
    created_at_ms       INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_events_starts_at ON events (starts_at_ms);

CREATE TABLE rsvps (
    event_id       INTEGER NOT NULL REFERENCES events (id),
    platform       TEXT    NOT NULL,
    person_id      TEXT    NOT NULL,
    display_name   TEXT    NOT NULL,
    answer         TEXT    NOT NULL,
    answered_at_ms INTEGER NOT NULL,
    PRIMARY KEY (event_id, platform, person_id)
) STRICT;

CREATE TABLE personal_reminders (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id       INTEGER NOT NULL REFERENCES events (id),
    platform       TEXT    NOT NULL,
    person_id      TEXT    NOT NULL,
    display_name   TEXT    NOT NULL,
    before_seconds INTEGER NOT NULL,
    due_at_ms      INTEGER NOT NULL,
    created_at_ms  INTEGER NOT NULL,
    UNIQUE (event_id, platform, person_id, before_seconds)
) STRICT;

CREATE INDEX ix_personal_reminders_person ON personal_reminders (platform, person_id);

CREATE TABLE hashtag_changes (
    tag_key             TEXT    PRIMARY KEY, -- lower-cased tag: one decision per tag, whatever its case
    tag                 TEXT    NOT NULL,
    tracked             INTEGER NOT NULL CHECK (tracked IN (0, 1)),
    changed_by_platform TEXT    NOT NULL,
    changed_by_id       TEXT    NOT NULL,
    changed_by_name     TEXT    NOT NULL,
    changed_at_ms       INTEGER NOT NULL
) STRICT;

CREATE TABLE subscriptions (
    platform               TEXT    NOT NULL,
    destination_id         TEXT    NOT NULL,
    destination_name       TEXT,
    kinds                  TEXT    NOT NULL,
    subscribed_by_platform TEXT    NOT NULL,
    subscribed_by_id       TEXT    NOT NULL,
    subscribed_by_name     TEXT    NOT NULL,
    subscribed_at_ms       INTEGER NOT NULL,
    PRIMARY KEY (platform, destination_id)
) STRICT;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
