-- Calendar feeds need to know when and how often an event changed: revision is SEQUENCE (raised on every edit and
-- cancellation), updated_at_ms is LAST-MODIFIED and DTSTAMP. Existing events count as never changed.
ALTER TABLE events ADD COLUMN revision integer NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN updated_at_ms bigint;
