-- Tagged posts and boost decisions arrive in the order they were posted, one row each, and a busy hashtag brings
-- thousands a second. Keyed by their URI alone, every row lands somewhere random in the key's B-tree; keyed by the time
-- of posting first (a post's created_at never changes, so the key is as unique as the URI), new rows append at the
-- end. The hour index of the mentions is then the key itself.

ALTER TABLE hashtag_mentions DROP CONSTRAINT hashtag_mentions_pkey;
ALTER TABLE hashtag_mentions ADD PRIMARY KEY (tag_key, posted_at_ms, uri);
DROP INDEX ix_hashtag_mentions_hour;

ALTER TABLE boosts DROP CONSTRAINT boosts_pkey;
ALTER TABLE boosts ADD PRIMARY KEY (posted_at_ms, status_key);

-- A claimed boost's outcome is found by its key; skips (nearly every row on a busy tag) are not in this index.
CREATE INDEX ix_boosts_claimed_key ON boosts (status_key) WHERE state <> 'skipped' AND state <> 'refused';
