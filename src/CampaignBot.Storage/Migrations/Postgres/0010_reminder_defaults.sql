-- A new reminder row is an event's own (no personal reminder: 0), pending and not yet attempted. With these as the
-- columns' defaults, scheduling many events at once COPYs only what varies per row (event, offset, due and fire time,
-- updated_at) instead of the same three values in each of 100,000 rows. The store's one-row inserts still name every
-- column. SQLite binds such fixed values once per statement, so its schema is left as it is.
ALTER TABLE reminders
    ALTER COLUMN personal_reminder_id SET DEFAULT 0,
    ALTER COLUMN state SET DEFAULT 'pending',
    ALTER COLUMN attempts SET DEFAULT 0;
