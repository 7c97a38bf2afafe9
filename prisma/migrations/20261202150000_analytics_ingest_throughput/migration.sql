-- Analytics ingestion throughput (issue #17, bench:analytics): fewer rows and fewer random
-- index writes per ingested record.
--
-- The API rollup per minute goes: at the benchmark's density a batch of 5,000 records wrote
-- about 3,500 of its rows (one per record, near enough), more than any other table. Minute
-- series and top lists filtered by API, operation or product read the raw table instead
-- (minute intervals cover at most 2 days, within the raw retention; lib/analytics/query/analytics-sources.ts).
DROP TABLE analytics.rollup_api_minute;

-- Indexes led by a high-cardinality key take each new row at a random leaf page (100,000
-- subscriptions, 1,000 APIs), which costs a page write and a full-page image in the WAL per row
-- after every checkpoint. Queries filtered by API or subscription now name the range's buckets
-- (bucket = ANY(...)) and descend the primary key, (bucket, api_id, ...) or
-- (bucket, subscription_id, ...), once per bucket.
DROP INDEX analytics.rollup_api_hour_api_id_bucket_idx;
DROP INDEX analytics.rollup_api_day_api_id_bucket_idx;
DROP INDEX analytics.rollup_subscription_hour_subscription_id_bucket_idx;
DROP INDEX analytics.rollup_subscription_day_subscription_id_bucket_idx;
-- Kept: rollup_subscription_day_api_id_bucket_idx (top subscriptions and developers of one API
-- over days: the API is the third key column there, so the primary key cannot serve it).
