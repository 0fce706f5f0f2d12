-- Tagged posts and boost decisions arrive in the order they were posted, one row each, and a busy hashtag brings
-- thousands a second. Keyed by their URI alone, every row lands somewhere random in the key's B-tree and each commit
-- rewrites hundreds of scattered pages; keyed by the time of posting first (a post's created_at never changes, so the
-- key is as unique as the URI), new rows append at the end of the tree. Both tables become WITHOUT ROWID, so the key
-- is the table itself and no second tree is kept.

CREATE TABLE hashtag_mentions_by_time (
    tag_key      TEXT    NOT NULL,
    posted_at_ms INTEGER NOT NULL,
    uri          TEXT    NOT NULL,
    platform     TEXT    NOT NULL,
    hour_ms      INTEGER NOT NULL,
    PRIMARY KEY (tag_key, posted_at_ms, uri)
) STRICT, WITHOUT ROWID;

INSERT INTO hashtag_mentions_by_time (tag_key, posted_at_ms, uri, platform, hour_ms)
SELECT tag_key, posted_at_ms, uri, platform, hour_ms FROM hashtag_mentions;

DROP TABLE hashtag_mentions;
ALTER TABLE hashtag_mentions_by_time RENAME TO hashtag_mentions;

CREATE TABLE boosts_by_time (
    posted_at_ms   INTEGER NOT NULL,
    status_key     TEXT    NOT NULL,
    status_id      TEXT    NOT NULL,
    author_key     TEXT    NOT NULL,
    state          TEXT    NOT NULL,
    reason         TEXT,
    attempts       INTEGER NOT NULL,
    decided_at_ms  INTEGER NOT NULL,
    updated_at_ms  INTEGER NOT NULL,
    last_error     TEXT,
    PRIMARY KEY (posted_at_ms, status_key)
) STRICT, WITHOUT ROWID;

INSERT INTO boosts_by_time (posted_at_ms, status_key, status_id, author_key, state, reason, attempts, decided_at_ms, updated_at_ms, last_error)
SELECT posted_at_ms, status_key, status_id, author_key, state, reason, attempts, decided_at_ms, updated_at_ms, last_error FROM boosts;

DROP TABLE boosts;
ALTER TABLE boosts_by_time RENAME TO boosts;

-- The caps count boosts decided in a window, overall and per author; a claimed boost's outcome is found by its key.
-- Skips (nearly every row on a busy tag) are in none of these.
CREATE INDEX ix_boosts_decided ON boosts (decided_at_ms) WHERE state <> 'skipped' AND state <> 'refused';
CREATE INDEX ix_boosts_author_decided ON boosts (author_key, decided_at_ms) WHERE state <> 'skipped' AND state <> 'refused';
CREATE INDEX ix_boosts_waiting ON boosts (decided_at_ms) WHERE state IN ('boosting', 'rate-limited', 'failed');
CREATE INDEX ix_boosts_last_boosted ON boosts (updated_at_ms) WHERE state = 'boosted';
CREATE INDEX ix_boosts_claimed_key ON boosts (status_key) WHERE state <> 'skipped' AND state <> 'refused';
