-- Analytics queries (issue #17): what the top lists over long ranges read first.
--
-- A top list over 30 days by subscription would sum millions of rollup rows (100,000
-- subscriptions x APIs x statuses x days). Instead, each closed hour and each day keep
-- their own largest keys per dimension here (a few hundred rows each), filled by
-- analytics.refresh_top, which the ingester's periodic task calls through
-- lib/analytics/query/refresh-top-candidates.ts. A long-range top list picks its
-- candidates from these rows and reads their figures from them too, going to the rollups
-- only for the hours and days a candidate is missing from.

CREATE TABLE analytics.top_hour (
  dimension text NOT NULL,
  bucket timestamptz NOT NULL,
  key text NOT NULL,
  count bigint NOT NULL,
  errors bigint NOT NULL,
  latency_hist bigint[] NOT NULL,
  PRIMARY KEY (dimension, bucket, key)
);
CREATE TABLE analytics.top_day (LIKE analytics.top_hour INCLUDING CONSTRAINTS);
ALTER TABLE analytics.top_day ADD PRIMARY KEY (dimension, bucket, key);
-- The primary keys serve the choice of candidates (a dimension's keys over a range of
-- buckets); these serve their figures (a few keys over the same range).
CREATE INDEX top_hour_dimension_key_bucket_idx ON analytics.top_hour (dimension, key, bucket);
CREATE INDEX top_day_dimension_key_bucket_idx ON analytics.top_day (dimension, key, bucket);

-- When each hour or day was last filled: one filled before late records arrived is filled again.
CREATE TABLE analytics.top_hour_refreshed (
  bucket timestamptz PRIMARY KEY,
  refreshed_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE analytics.top_day_refreshed (LIKE analytics.top_hour_refreshed INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE analytics.top_day_refreshed ADD PRIMARY KEY (bucket);

-- Refills one hour or day (grain 'hour' | 'day') from the rollups of that grain: for each
-- of subscriptions, developers, APIs, operations ("<api_id> <operation>") and products,
-- the per_dimension largest keys with their count, errors and merged latency histogram.
-- Serialised by an advisory lock, so several ingesters refreshing at once never collide.
CREATE FUNCTION analytics.refresh_top(grain text, at timestamptz, per_dimension integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  dim record;
BEGIN
  IF grain NOT IN ('hour', 'day') THEN
    RAISE EXCEPTION 'grain must be hour or day, not %', grain;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('analytics.top_' || grain));
  EXECUTE format('DELETE FROM analytics.top_%s WHERE bucket = $1', grain) USING at;
  FOR dim IN
    SELECT * FROM (VALUES
      ('subscription', 'subscription', 'subscription_id', 'true'),
      ('user', 'subscription', 'user_id', $c$user_id <> ''$c$),
      ('api', 'api', 'api_id', $c$api_id <> ''$c$),
      ('operation', 'api', $c$api_id || ' ' || operation$c$, $c$api_id <> '' AND operation <> ''$c$),
      ('product', 'api', 'product_id', $c$product_id <> ''$c$)
    ) AS d(name, cube, key, present)
  LOOP
    EXECUTE format($sql$
      INSERT INTO analytics.top_%1$s (dimension, bucket, key, count, errors, latency_hist)
      WITH r AS (SELECT %4$s AS key, count, status, latency_hist FROM analytics.rollup_%3$s_%1$s WHERE bucket = $1 AND %5$s),
      top AS (
        SELECT key, sum(count) AS count, coalesce(sum(count) FILTER (WHERE status >= 400), 0) AS errors
        FROM r GROUP BY key ORDER BY 2 DESC, 1 LIMIT $2
      ),
      hists AS (
        SELECT key, array_agg((b << 32) | n ORDER BY b) AS hist FROM (
          SELECT r.key, e >> 32 AS b, sum(e & 4294967295)::bigint AS n FROM r JOIN top USING (key), unnest(r.latency_hist) AS e GROUP BY 1, 2
        ) merged GROUP BY key
      )
      SELECT %2$L, $1, top.key, top.count, top.errors, coalesce(hists.hist, '{}') FROM top LEFT JOIN hists USING (key)
    $sql$, grain, dim.name, dim.cube, dim.key, dim.present) USING at, per_dimension;
  END LOOP;
  EXECUTE format('INSERT INTO analytics.top_%s_refreshed (bucket) VALUES ($1) ON CONFLICT (bucket) DO UPDATE SET refreshed_at = now()', grain)
    USING at;
END
$$;

-- Top developers or subscriptions of one API over days read the day rollup by API. Not
-- the hour rollup: every index there costs ingestion more than API-filtered top lists
-- over hours gain (they read the range's hours by the primary key instead).
CREATE INDEX rollup_subscription_day_api_id_bucket_idx ON analytics.rollup_subscription_day (api_id, bucket);
