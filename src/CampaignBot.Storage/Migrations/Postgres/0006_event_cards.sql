-- Event cards the bot posted (a message with RSVP buttons per subscribed channel), so that edits, cancellations and
-- RSVP counts can update them. Deleting an event is not a thing, so there is no cascade to worry about.
CREATE TABLE event_cards (
    platform      text    NOT NULL,
    channel_id    text    NOT NULL,
    message_id    text    NOT NULL,
    channel_name  text,
    event_id      bigint  NOT NULL REFERENCES events (id),
    posted_at_ms  bigint  NOT NULL,
    PRIMARY KEY (platform, channel_id, message_id)
);

CREATE INDEX ix_event_cards_event ON event_cards (event_id);

-- Members whose RSVP came from pressing Interested on the action's Discord scheduled event, with the instant of that
-- RSVP: removing Interested withdraws the RSVP only while it is still that one (not one given later by button or command).
CREATE TABLE event_interest (
    event_id        bigint NOT NULL REFERENCES events (id),
    platform        text NOT NULL,
    person_id       text NOT NULL,
    answered_at_ms  bigint NOT NULL,
    PRIMARY KEY (event_id, platform, person_id)
);
