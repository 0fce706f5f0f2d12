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

-- Members whose RSVP came from pressing Interested on the action's Discord scheduled event, with the instant of that
-- RSVP: removing Interested withdraws the RSVP only while it is still that one (not one given later by button or command).
CREATE TABLE event_interest (
    event_id        INTEGER NOT NULL REFERENCES events (id),
    platform        TEXT NOT NULL,
    person_id       TEXT NOT NULL,
    answered_at_ms  INTEGER NOT NULL,
    PRIMARY KEY (event_id, platform, person_id)
) STRICT;
