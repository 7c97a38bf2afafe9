-- Analytics (issue #17): the gateways' request records and their rollups, in their own
-- schema written with raw SQL through `pg` (lib/analytics/analytics-db.ts), not Prisma.
-- Prisma's diff only manages `public`, so it never proposes dropping any of this.
-- The ingester (lib/analytics/ingest/) is the only writer.

CREATE SCHEMA IF NOT EXISTS analytics;

-- Merges two sparse latency histograms (lib/analytics/latency-histogram.ts): each element
-- is (bucket << 32) | count; the result is sorted by bucket with counts added. A count
-- saturates at 2^32 - 1 rather than spilling into the bucket bits.
CREATE FUNCTION analytics.hist_merge(a bigint[], b bigint[]) RETURNS bigint[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg((s.bucket << 32) | least(s.total, 4294967295)::bigint ORDER BY s.bucket), '{}'::bigint[])
  FROM (
    SELECT e >> 32 AS bucket, sum(e & 4294967295) AS total
    FROM unnest(coalesce(a, '{}'::bigint[]) || coalesce(b, '{}'::bigint[])) AS e
    GROUP BY 1
  ) s
$$;

-- Raw records, one partition per UTC day (analytics.request_pYYYYMMDD), created ahead by
-- the ingester and dropped whole after the workspace's rawRetentionDays.
CREATE TABLE analytics.request (
  t timestamptz NOT NULL,
  gateway_id text NOT NULL,
  request_id text NOT NULL,
  trace_id text,
  method text NOT NULL,
  path text NOT NULL,
  api_id text,
  operation text,
  product_id text,
  subscription_id text,
  user_id text,
  client_id text,
  client_ip text,
  status smallint NOT NULL,
  reason text,
  error_code text,
  latency_ms real NOT NULL,
  upstream_ms real,
  bytes_in bigint NOT NULL,
  bytes_out bigint NOT NULL,
  user_agent text
) PARTITION BY RANGE (t);

-- Only three indexes: each one costs ingestion as much as the row itself (bench:analytics).
-- A developer's rows are found by their subscriptions' ids; a request id or trace id
-- is searched within the log's time range (recent requests), not through an index.
CREATE INDEX request_t_request_id_idx ON analytics.request (t DESC, request_id);
CREATE INDEX request_api_id_t_idx ON analytics.request (api_id, t);
CREATE INDEX request_subscription_id_t_idx ON analytics.request (subscription_id, t);

-- Idempotency: a batch's transaction starts by inserting its id here; a batch already
-- present was counted and is skipped. Rows are deleted with the raw retention.
CREATE TABLE analytics.ingested_batch (
  batch_id uuid PRIMARY KEY,
  gateway_id text NOT NULL,
  records integer NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ingested_batch_ingested_at_idx ON analytics.ingested_batch (ingested_at);

-- Rollups: one row per key, upserted per batch (counts added, histograms merged with
-- analytics.hist_merge). `errors` is derived from status at query time. Buckets are
-- date_trunc in UTC. Retention: minute 8 days, hour 400 days, day 5 years.

CREATE TABLE analytics.rollup_total_minute (
  bucket timestamptz NOT NULL,
  gateway_id text NOT NULL,
  status smallint NOT NULL,
  reason text NOT NULL DEFAULT '',
  count bigint NOT NULL,
  bytes_in bigint NOT NULL,
  bytes_out bigint NOT NULL,
  latency_hist bigint[] NOT NULL,
  PRIMARY KEY (bucket, gateway_id, status, reason)
);

CREATE TABLE analytics.rollup_total_hour (LIKE analytics.rollup_total_minute INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE analytics.rollup_total_hour ADD PRIMARY KEY (bucket, gateway_id, status, reason);

CREATE TABLE analytics.rollup_api_minute (
  bucket timestamptz NOT NULL,
  api_id text NOT NULL DEFAULT '',
  operation text NOT NULL DEFAULT '',
  product_id text NOT NULL DEFAULT '',
  gateway_id text NOT NULL,
  status smallint NOT NULL,
  reason text NOT NULL DEFAULT '',
  count bigint NOT NULL,
  bytes_in bigint NOT NULL,
  bytes_out bigint NOT NULL,
  latency_hist bigint[] NOT NULL,
  PRIMARY KEY (bucket, api_id, operation, product_id, gateway_id, status, reason)
);
CREATE INDEX rollup_api_minute_api_id_bucket_idx ON analytics.rollup_api_minute (api_id, bucket);

CREATE TABLE analytics.rollup_api_hour (LIKE analytics.rollup_api_minute INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE analytics.rollup_api_hour ADD PRIMARY KEY (bucket, api_id, operation, product_id, gateway_id, status, reason);
CREATE INDEX rollup_api_hour_api_id_bucket_idx ON analytics.rollup_api_hour (api_id, bucket);

CREATE TABLE analytics.rollup_api_day (LIKE analytics.rollup_api_minute INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE analytics.rollup_api_day ADD PRIMARY KEY (bucket, api_id, operation, product_id, gateway_id, status, reason);
CREATE INDEX rollup_api_day_api_id_bucket_idx ON analytics.rollup_api_day (api_id, bucket);

-- Only records with a subscription. user_id and product_id follow from the subscription.
CREATE TABLE analytics.rollup_subscription_hour (
  bucket timestamptz NOT NULL,
  subscription_id text NOT NULL,
  api_id text NOT NULL DEFAULT '',
  status smallint NOT NULL,
  user_id text,
  product_id text,
  count bigint NOT NULL,
  bytes_in bigint NOT NULL,
  bytes_out bigint NOT NULL,
  latency_hist bigint[] NOT NULL,
  PRIMARY KEY (bucket, subscription_id, api_id, status)
);
CREATE INDEX rollup_subscription_hour_subscription_id_bucket_idx ON analytics.rollup_subscription_hour (subscription_id, bucket);

CREATE TABLE analytics.rollup_subscription_day (LIKE analytics.rollup_subscription_hour INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE analytics.rollup_subscription_day ADD PRIMARY KEY (bucket, subscription_id, api_id, status);
CREATE INDEX rollup_subscription_day_subscription_id_bucket_idx ON analytics.rollup_subscription_day (subscription_id, bucket);
