-- Mastodon statuses whose command the bot has taken on, keyed by the status URI (its id where a server gives none):
-- a redelivered notification, a stream and poll overlap, a restart or a second node never run a command twice.
-- state: running (claimed, the command is running; reply_json holds what to say should it never finish) |
-- replying (reply decided, in reply_json) | answered.
CREATE TABLE mastodon_mentions (
    status_key     text    NOT NULL PRIMARY KEY,
    status_id      text    NOT NULL,
    state          text    NOT NULL,
    reply_json     text,
    claimed_at_ms  bigint  NOT NULL,
    updated_at_ms  bigint  NOT NULL
);

CREATE INDEX ix_mastodon_mentions_replying ON mastodon_mentions (updated_at_ms) WHERE state = 'replying';
CREATE INDEX ix_mastodon_mentions_claimed ON mastodon_mentions (claimed_at_ms);

-- Statuses the bot set out to post, keyed by their idempotency key, so that a post whose outcome was uncertain (a
-- timeout, a crash mid-request) is looked for among the bot's own statuses before it is sent again: some servers
-- ignore Idempotency-Key. state: posting | posted (status_id set).
CREATE TABLE mastodon_posts (
    idempotency_key text    NOT NULL PRIMARY KEY,
    state           text    NOT NULL,
    status_id       text,
    started_at_ms   bigint  NOT NULL,
    updated_at_ms   bigint  NOT NULL
);

CREATE INDEX ix_mastodon_posts_started ON mastodon_posts (started_at_ms);
