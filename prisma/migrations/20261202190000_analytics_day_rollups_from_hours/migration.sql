-- Analytics ingestion throughput (issue #17): the day rollups (API, subscription) are built
-- from the hour rollups once a day has closed, instead of being upserted with every batch
-- (they were two of the six rollup upserts per transaction).
-- lib/analytics/ingest/close-rollup-days.ts closes the days; this row says how far it got:
--   closing_before: the ingester adds a record to the day rollups only if its day is before
--     this (a late record for a day already closed); records of later days go to the hours alone.
--   compacted_before: the days before this have complete day rows; queries read the day
--     rollups for those days and the hour rollups (which hold every record) for the others.
-- A day in [compacted_before, closing_before) is being closed (or its closing was
-- interrupted): its day rows hold only the late records, which the hours hold too, so queries
-- ignore them and the next closing deletes them and builds the day again from its hours.
CREATE TABLE analytics.rollup_day_state (
  single_row boolean PRIMARY KEY DEFAULT true CHECK (single_row),
  closing_before timestamptz NOT NULL,
  compacted_before timestamptz NOT NULL,
  CHECK (compacted_before <= closing_before)
);

-- Until now every batch wrote the day rollups, so every day up to today's is complete there
-- (today's records keep going to them until it closes): closing starts with tomorrow.
INSERT INTO analytics.rollup_day_state (closing_before, compacted_before)
VALUES (date_trunc('day', now(), 'UTC') + interval '1 day', date_trunc('day', now(), 'UTC') + interval '1 day');
