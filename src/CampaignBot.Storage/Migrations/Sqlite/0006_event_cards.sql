-- Event cards the bot posted (a message with RSVP buttons per subscribed channel), so that edits, cancellations and
-- RSVP counts can update them. Deleting an event is not a thing, so there is no cascade to worry about.
CREATE TABLE event_cards (
    platform      TEXT    NOT NULL,
    channel_id    TEXT    NOT NULL,
    message_id    TEXT    NOT NULL,
    channel_name  TEXT,
    event_id      INTEGER NOT NULL REFERENCES events (id),
    posted_at_ms  INTEGER NOT NULL,
    PRIMARY KEY (platform, channel_id, message_id)
) STRICT;

CREATE INDEX ix_event_cards_event ON event_cards (event_id);
