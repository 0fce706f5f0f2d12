-- Instants are unix milliseconds (UTC). Enums are lowercase words. Lists are comma-separated:
-- hashtags without '#', event kinds by name, reminder offsets in whole seconds.
-- People are (platform, id, display name); the pair (platform, id) is the identity.
-- Kept column for column like the SQLite schema: the store runs the same SQL on both.

CREATE TABLE events (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                text   NOT NULL,
    title               text   NOT NULL,
    title_key           text   NOT NULL, -- lower-cased title for prefix search
    starts_at_ms        bigint NOT NULL,
    ends_at_ms          bigint,
    time_zone           text   NOT NULL,
    location            text,
    description         text,
    hashtags            text   NOT NULL,
    link                text,
    status              text   NOT NULL,
    cancel_reason       text,
    reminder_offsets    text   NOT NULL,
    created_by_platform text   NOT NULL,
    created_by_id       text   NOT NULL,
    created_by_name     text   NOT NULL,
    created_at_ms       bigint NOT NULL
);

CREATE INDEX ix_events_starts_at ON events (starts_at_ms);

CREATE TABLE rsvps (
    event_id       bigint NOT NULL REFERENCES events (id),
    platform       text   NOT NULL,
    person_id      text   NOT NULL,
    display_name   text   NOT NULL,
    answer         text   NOT NULL,
    answered_at_ms bigint NOT NULL,
    PRIMARY KEY (event_id, platform, person_id)
);

CREATE TABLE personal_reminders (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       bigint NOT NULL REFERENCES events (id),
    platform       text   NOT NULL,
    person_id      text   NOT NULL,
    display_name   text   NOT NULL,
    before_seconds bigint NOT NULL,
    due_at_ms      bigint NOT NULL,
    created_at_ms  bigint NOT NULL,
    UNIQUE (event_id, platform, person_id, before_seconds)
);

CREATE INDEX ix_personal_reminders_person ON personal_reminders (platform, person_id);

CREATE TABLE hashtag_changes (
    tag_key             text    PRIMARY KEY, -- lower-cased tag: one decision per tag, whatever its case
    tag                 text    NOT NULL,
    tracked             boolean NOT NULL,
    changed_by_platform text    NOT NULL,
    changed_by_id       text    NOT NULL,
    changed_by_name     text    NOT NULL,
    changed_at_ms       bigint  NOT NULL
);

CREATE TABLE subscriptions (
    platform               text   NOT NULL,
    destination_id         text   NOT NULL,
    destination_name       text,
    kinds                  text   NOT NULL,
    subscribed_by_platform text   NOT NULL,
    subscribed_by_id       text   NOT NULL,
    subscribed_by_name     text   NOT NULL,
    subscribed_at_ms       bigint NOT NULL,
    PRIMARY KEY (platform, destination_id)
);

CREATE TABLE settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);
