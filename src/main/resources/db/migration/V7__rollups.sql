-- Per-minute and per-hour rollups of every series (store area). They are maintained by ReadingStore.append
-- in the same transaction as the raw readings, so that a chart of a long range reads a few thousand
-- rollup rows instead of millions of readings. bucket is the epoch-millisecond start of the minute/hour.
-- sum_v and cnt (not a mean) are kept so that rollups of several appends combine exactly.

CREATE TABLE readings_1m (
    series_id INTEGER          NOT NULL,
    bucket    BIGINT           NOT NULL,
    min_v     DOUBLE PRECISION NOT NULL,
    max_v     DOUBLE PRECISION NOT NULL,
    sum_v     DOUBLE PRECISION NOT NULL,
    cnt       BIGINT           NOT NULL,
    PRIMARY KEY (series_id, bucket)
);

CREATE TABLE readings_1h (
    series_id INTEGER          NOT NULL,
    bucket    BIGINT           NOT NULL,
    min_v     DOUBLE PRECISION NOT NULL,
    max_v     DOUBLE PRECISION NOT NULL,
    sum_v     DOUBLE PRECISION NOT NULL,
    cnt       BIGINT           NOT NULL,
    PRIMARY KEY (series_id, bucket)
);

-- Backfill from readings stored before this migration (floor division, also right for ts < 0).
INSERT INTO readings_1m (series_id, bucket, min_v, max_v, sum_v, cnt)
SELECT series_id, b, MIN(reading_value), MAX(reading_value), SUM(reading_value), COUNT(*)
FROM (SELECT series_id, ts - MOD(MOD(ts, 60000) + 60000, 60000) AS b, reading_value FROM readings) r
GROUP BY series_id, b;

INSERT INTO readings_1h (series_id, bucket, min_v, max_v, sum_v, cnt)
SELECT series_id, b, MIN(min_v), MAX(max_v), SUM(sum_v), SUM(cnt)
FROM (SELECT series_id, bucket - MOD(MOD(bucket, 3600000) + 3600000, 3600000) AS b, min_v, max_v, sum_v, cnt
      FROM readings_1m) m
GROUP BY series_id, b;
