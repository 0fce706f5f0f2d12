-- Auto-boost decisions, one row per original post (keyed by its URI), written before the reblog request so that the
-- stream, polls, backfill and restarts never boost a post twice.
-- state: boosting | boosted | skipped | refused | rate-limited | failed; reason: why it was skipped.
CREATE TABLE boosts (
    status_key     text    NOT NULL PRIMARY KEY,
    status_id      text    NOT NULL,
    author_key     text    NOT NULL,
    state          text    NOT NULL,
    reason         text,
    attempts       bigint  NOT NULL,
    posted_at_ms   bigint  NOT NULL,
    decided_at_ms  bigint  NOT NULL,
    updated_at_ms  bigint  NOT NULL,
    last_error     text
);

-- The caps count boosts decided in a window, overall and per author.
CREATE INDEX ix_boosts_decided ON boosts (decided_at_ms) WHERE state <> 'skipped' AND state <> 'refused';
CREATE INDEX ix_boosts_author_decided ON boosts (author_key, decided_at_ms) WHERE state <> 'skipped' AND state <> 'refused';
CREATE INDEX ix_boosts_waiting ON boosts (decided_at_ms) WHERE state IN ('boosting', 'rate-limited', 'failed');
CREATE INDEX ix_boosts_last_boosted ON boosts (updated_at_ms) WHERE state = 'boosted';
