-- PostgreSQL checks a foreign key with a trigger query per inserted row: for 100,000 reminder rows scheduled in one
-- call that was about half of their insert time. Reminder rows are only ever written by the store together with
-- their event, in the transaction that writes the event, and events are never deleted, so the check guarded nothing
-- the store doesn't already guarantee. SQLite keeps its (cheap) check: there it is a lookup in the same page cache.
ALTER TABLE reminders DROP CONSTRAINT IF EXISTS reminders_event_id_fkey;
