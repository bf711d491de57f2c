package ai.vidyut.console.store;

import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The reading history. Writes are batched by the caller (the ingestion pipeline or an importer);
 * a reading already stored for the same series and timestamp is kept once.
 *
 * <p>Besides the raw readings, every append maintains per-minute and per-hour rollups (min, max, sum, count)
 * in the same transaction. {@link #downsample} and {@link #chart} answer from the coarsest rollup whose buckets
 * fit inside the requested buckets and fall back to finer rollups and raw readings only at bucket edges, so the
 * result always equals an aggregation of the raw readings.
 */
public final class ReadingStore {

    public static final long MINUTE_MILLIS = 60_000L;
    public static final long HOUR_MILLIS = 3_600_000L;

    /** Where aggregates come from, coarsest first. */
    enum Resolution {
        HOUR("hour", "readings_1h", HOUR_MILLIS),
        MINUTE("minute", "readings_1m", MINUTE_MILLIS),
        RAW("raw", "readings", 1);

        final String label;
        final String table;
        final long millis;

        Resolution(String label, String table, long millis) {
            this.label = label;
            this.table = table;
            this.millis = millis;
        }
    }

    /** Bucket widths a chart may use: "nice" steps so that rollups align and axis labels read well. */
    private static final long[] CHART_WIDTHS = {
            1, 2, 5, 10, 20, 50, 100, 200, 500,
            1_000, 2_000, 5_000, 10_000, 15_000, 30_000,
            MINUTE_MILLIS, 2 * MINUTE_MILLIS, 5 * MINUTE_MILLIS, 10 * MINUTE_MILLIS, 15 * MINUTE_MILLIS,
            30 * MINUTE_MILLIS,
            HOUR_MILLIS, 2 * HOUR_MILLIS, 3 * HOUR_MILLIS, 6 * HOUR_MILLIS, 12 * HOUR_MILLIS,
            24 * HOUR_MILLIS, 2 * 24 * HOUR_MILLIS, 7 * 24 * HOUR_MILLIS};

    private static final int INSERT_CHUNK = 1_000;
    /** About 285,000 years either side of 1970: beyond any real timestamp, far from long overflow. */
    private static final long TS_LIMIT = 1L << 53;
    /** Time spans looked up per query when a plan needs many small ones (bucket edges). */
    private static final int SPANS_PER_QUERY = 200;

    private final Database db;
    private final SiteStore sites;
    private final Map<SeriesKey, Integer> seriesIds = new ConcurrentHashMap<>();

    public ReadingStore(Database db, SiteStore sites) {
        this.db = db;
        this.sites = sites;
        sites.onSeriesDeleted(this::forgetSeries);
    }

    /** One time-value pair of a series. */
    public record Point(long timestampMillis, double value) {
    }

    /** Aggregate of the readings that fall in one bucket of a downsampled range. */
    public record Bucket(long startMillis, double min, double max, double mean, long count) {
    }

    /**
     * A chart-ready downsampling of one series: buckets of {@code bucketMillis} aligned to multiples of the
     * width since the epoch (so the first bucket may start before {@code fromMillis}; only readings in
     * {@code [fromMillis, toMillis)} are counted). {@code resolution} is the coarsest source used:
     * {@code hour}, {@code minute} or {@code raw}; {@code rowsScanned} how many stored rows were read.
     */
    public record Chart(SeriesKey key, long fromMillis, long toMillis, long bucketMillis, String resolution,
                        long rowsScanned, List<Bucket> buckets) {
    }

    // ------------------------------------------------------------------------------------------------ writes

    /**
     * Stores the readings in one transaction, creating unknown sites, assets and series on first sight, and
     * updates the rollups for the readings that were new. Returns how many readings were new (not already
     * stored); a reading repeated within the list or already stored is kept once.
     */
    public int append(List<Reading> readings) {
        if (readings.isEmpty()) {
            return 0;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return appendOnce(readings);
            } catch (StoreException e) {
                // another writer stored one of these readings or series at the same instant (or a lock
                // wait timed out): the transaction was rolled back, so trying again is safe
                if (attempt >= 3 || !(e.getCause() instanceof SQLException sql) || !retryable(sql)) {
                    throw e;
                }
            }
        }
    }

    private static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || "40001".equals(state) || "HYT00".equals(state);
    }

    private int appendOnce(List<Reading> readings) {
        try (Connection c = db.connection()) {
            int[] sids = new int[readings.size()];
            for (int i = 0; i < sids.length; i++) {
                sids[i] = seriesId(c, readings.get(i).seriesKey());
            }
            c.setAutoCommit(false);
            try {
                TreeMap<RollupKey, Acc> minutes = new TreeMap<>();
                int added = insertRaw(c, readings, sids, minutes);
                if (added > 0) {
                    mergeRollups(c, Resolution.MINUTE, minutes);
                    mergeRollups(c, Resolution.HOUR, toHours(minutes));
                }
                c.commit();
                return added;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store " + readings.size() + " readings", e);
        }
    }

    /**
     * Inserts the readings not yet stored; adds each inserted one to its minute rollup. Which readings are already
     * stored is looked up with one index range scan per series of the batch (for a live stream these return
     * nothing), so the rows themselves go in with plain batched INSERTs, measured ~1.5x faster than an
     * insert-if-absent MERGE per row. A concurrent writer storing the same reading in between makes the INSERT fail
     * with a key violation; {@link #append} then retries the whole transaction, which sees it as stored.
     */
    private static int insertRaw(Connection c, List<Reading> readings, int[] sids, TreeMap<RollupKey, Acc> minutes)
            throws SQLException {
        Map<Integer, long[]> spans = new HashMap<>();
        for (int i = 0; i < sids.length; i++) {
            long ts = readings.get(i).timestampMillis();
            long[] span = spans.computeIfAbsent(sids[i], k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
            span[0] = Math.min(span[0], ts);
            span[1] = Math.max(span[1], ts);
        }
        Set<StoredKey> taken = new HashSet<>();
        Map<Integer, Set<Long>> stored = storedIn(c, spans);
        int added = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO readings (series_id, ts, reading_value) VALUES (?, ?, ?)")) {
            int pending = 0;
            for (int i = 0; i < sids.length; i++) {
                Reading r = readings.get(i);
                Set<Long> existing = stored.get(sids[i]);
                if (existing != null && existing.contains(r.timestampMillis())) {
                    continue;
                }
                // a reading repeated within the batch is stored once, with its first value
                if (!taken.add(new StoredKey(sids[i], r.timestampMillis()))) {
                    continue;
                }
                ps.setInt(1, sids[i]);
                ps.setLong(2, r.timestampMillis());
                ps.setDouble(3, r.value());
                ps.addBatch();
                minutes.computeIfAbsent(new RollupKey(sids[i], alignDown(r.timestampMillis(), MINUTE_MILLIS)),
                        x -> new Acc()).add(r.value());
                added++;
                if (++pending == INSERT_CHUNK) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        return added;
    }

    private record StoredKey(int seriesId, long ts) {
    }

    /** For each series, the timestamps already stored within its span of the batch. */
    private static Map<Integer, Set<Long>> storedIn(Connection c, Map<Integer, long[]> spans) throws SQLException {
        Map<Integer, Set<Long>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ts FROM readings WHERE series_id = ? AND ts BETWEEN ? AND ?")) {
            for (Map.Entry<Integer, long[]> e : spans.entrySet()) {
                ps.setInt(1, e.getKey());
                ps.setLong(2, e.getValue()[0]);
                ps.setLong(3, e.getValue()[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }

    private static TreeMap<RollupKey, Acc> toHours(TreeMap<RollupKey, Acc> minutes) {
        TreeMap<RollupKey, Acc> hours = new TreeMap<>();
        minutes.forEach((k, acc) -> hours.computeIfAbsent(
                new RollupKey(k.seriesId(), alignDown(k.bucket(), HOUR_MILLIS)), x -> new Acc()).add(acc));
        return hours;
    }

    /** Adds the aggregates to the rollup rows, in key order so that concurrent writers lock rows in one order. */
    private static void mergeRollups(Connection c, Resolution r, TreeMap<RollupKey, Acc> rollups) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO " + r.table + " t USING (VALUES (CAST(? AS INTEGER), CAST(? AS BIGINT), "
                        + "CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), "
                        + "CAST(? AS BIGINT))) AS s(series_id, bucket, min_v, max_v, sum_v, cnt) "
                        + "ON t.series_id = s.series_id AND t.bucket = s.bucket "
                        + "WHEN MATCHED THEN UPDATE SET min_v = LEAST(t.min_v, s.min_v), "
                        + "max_v = GREATEST(t.max_v, s.max_v), sum_v = t.sum_v + s.sum_v, cnt = t.cnt + s.cnt "
                        + "WHEN NOT MATCHED THEN INSERT (series_id, bucket, min_v, max_v, sum_v, cnt) "
                        + "VALUES (s.series_id, s.bucket, s.min_v, s.max_v, s.sum_v, s.cnt)")) {
            for (Map.Entry<RollupKey, Acc> e : rollups.entrySet()) {
                Acc a = e.getValue();
                ps.setInt(1, e.getKey().seriesId());
                ps.setLong(2, e.getKey().bucket());
                ps.setDouble(3, a.min);
                ps.setDouble(4, a.max);
                ps.setDouble(5, a.sum);
                ps.setLong(6, a.count);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Recomputes both rollup tables from the raw readings. Only needed if readings were written to the
     * {@code readings} table by something other than {@link #append}.
     */
    public void rebuildRollups() {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                st.executeUpdate("DELETE FROM readings_1m");
                st.executeUpdate("DELETE FROM readings_1h");
                st.executeUpdate("INSERT INTO readings_1m (series_id, bucket, min_v, max_v, sum_v, cnt) "
                        + "SELECT series_id, b, MIN(reading_value), MAX(reading_value), SUM(reading_value), COUNT(*) "
                        + "FROM (SELECT series_id, ts - MOD(MOD(ts, 60000) + 60000, 60000) AS b, reading_value "
                        + "FROM readings) r GROUP BY series_id, b");
                st.executeUpdate("INSERT INTO readings_1h (series_id, bucket, min_v, max_v, sum_v, cnt) "
                        + "SELECT series_id, b, MIN(min_v), MAX(max_v), SUM(sum_v), SUM(cnt) "
                        + "FROM (SELECT series_id, bucket - MOD(MOD(bucket, 3600000) + 3600000, 3600000) AS b, "
                        + "min_v, max_v, sum_v, cnt FROM readings_1m) m GROUP BY series_id, b");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot rebuild rollups", e);
        }
    }

    /** The id of a series, creating the series (and its site and asset, if unknown) on first sight. */
    int seriesId(Connection c, SeriesKey key) throws SQLException {
        Integer cached = seriesIds.get(key);
        if (cached != null) {
            return cached;
        }
        sites.ensureAsset(key.siteId(), key.assetId());
        Optional<Integer> found = findSeriesId(c, key);
        if (found.isPresent()) {
            return found.get();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO series (site_id, asset_id, metric) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, key.siteId());
            insert.setString(2, key.assetId());
            insert.setString(3, key.metric());
            try {
                insert.executeUpdate();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) { // created by another writer just now
                    Optional<Integer> other = findSeriesId(c, key);
                    if (other.isPresent()) {
                        return other.get();
                    }
                }
                throw e;
            }
            try (ResultSet rs = insert.getGeneratedKeys()) {
                rs.next();
                int id = rs.getInt(1);
                seriesIds.put(key, id);
                return id;
            }
        }
    }

    private Optional<Integer> findSeriesId(Connection c, SeriesKey key) throws SQLException {
        Integer cached = seriesIds.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (PreparedStatement find = c.prepareStatement(
                "SELECT id FROM series WHERE site_id = ? AND asset_id = ? AND metric = ?")) {
            find.setString(1, key.siteId());
            find.setString(2, key.assetId());
            find.setString(3, key.metric());
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    seriesIds.put(key, rs.getInt(1));
                    return Optional.of(rs.getInt(1));
                }
            }
        }
        return Optional.empty();
    }

    /** Forgets cached series ids (after series were deleted). */
    void forgetSeries() {
        seriesIds.clear();
    }

    // ------------------------------------------------------------------------------------------------- reads

    /** All series of a site (every asset and metric that has ever reported). */
    public List<SeriesKey> series(String siteId) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT site_id, asset_id, metric FROM series WHERE site_id = ? ORDER BY asset_id, metric")) {
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                List<SeriesKey> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new SeriesKey(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list series of " + siteId, e);
        }
    }

    /** Raw points of one series with {@code fromMillis <= ts < toMillis}, oldest first. */
    public List<Point> range(SeriesKey key, long fromMillis, long toMillis) {
        List<Point> out = new ArrayList<>();
        forEachPoint(key, fromMillis, toMillis, out::add);
        return out;
    }

    /** Streams the raw points of one series with {@code fromMillis <= ts < toMillis}, oldest first. */
    public void forEachPoint(SeriesKey key, long fromMillis, long toMillis, Consumer<Point> sink) {
        try (Connection c = db.connection()) {
            Optional<Integer> sid = findSeriesId(c, key);
            if (sid.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ts, reading_value FROM readings WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts")) {
                ps.setInt(1, sid.get());
                ps.setLong(2, fromMillis);
                ps.setLong(3, toMillis);
                ps.setFetchSize(5_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new Point(rs.getLong(1), rs.getDouble(2)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read " + key, e);
        }
    }

    /**
     * One series over {@code [fromMillis, toMillis)} cut into buckets of {@code bucketMillis} starting at
     * {@code fromMillis}, each with min, max and mean; empty buckets are omitted. Served from rollups where
     * they fit, so long ranges are fast; the result equals an aggregation of the raw readings.
     */
    public List<Bucket> downsample(SeriesKey key, long fromMillis, long toMillis, long bucketMillis) {
        if (bucketMillis <= 0) {
            throw new IllegalArgumentException("bucket must be positive: " + bucketMillis);
        }
        return aggregate(key, fromMillis, fromMillis, toMillis, bucketMillis).buckets();
    }

    /**
     * One series over {@code [fromMillis, toMillis)} in at most about {@code maxPoints} buckets, for a chart:
     * the bucket width is the smallest "nice" width (1 s, 5 s, 1 min, 15 min, 1 h, 1 day, ...) that gives no
     * more than {@code maxPoints} buckets, aligned to multiples of the width since the epoch.
     */
    public Chart chart(SeriesKey key, long fromMillis, long toMillis, int maxPoints) {
        if (maxPoints <= 0) {
            throw new IllegalArgumentException("maxPoints must be positive: " + maxPoints);
        }
        fromMillis = Math.max(fromMillis, -TS_LIMIT);
        toMillis = Math.min(toMillis, TS_LIMIT);
        long width = chartWidth(Math.max(0, toMillis - fromMillis), maxPoints);
        return aggregate(key, Math.floorDiv(fromMillis, width) * width, fromMillis, toMillis, width);
    }

    /** The bucket width {@link #chart} uses for a range of {@code spanMillis} and at most {@code maxPoints}. */
    public static long chartWidth(long spanMillis, int maxPoints) {
        long min = Math.max(1, (spanMillis + maxPoints - 1) / maxPoints);
        for (long w : CHART_WIDTHS) {
            if (w >= min) {
                return w;
            }
        }
        long week = CHART_WIDTHS[CHART_WIDTHS.length - 1];
        return (min + week - 1) / week * week;
    }

    private Chart aggregate(SeriesKey key, long origin, long fromMillis, long toMillis, long width) {
        // keep bucket arithmetic far from overflow for open-ended ranges like Long.MIN_VALUE..Long.MAX_VALUE
        fromMillis = Math.max(fromMillis, -TS_LIMIT);
        toMillis = Math.min(toMillis, TS_LIMIT);
        origin = Math.max(origin, -TS_LIMIT - width);
        try (Connection c = db.connection()) {
            Optional<Integer> sid = findSeriesId(c, key);
            if (sid.isEmpty() || fromMillis >= toMillis) {
                return new Chart(key, fromMillis, toMillis, width, Resolution.RAW.label, 0, List.of());
            }
            Aggregation agg = new Aggregation(sid.get(), origin, width);
            agg.run(c, fromMillis, toMillis);
            return new Chart(key, fromMillis, toMillis, width, agg.coarsest.label, agg.rowsScanned, agg.buckets());
        } catch (SQLException e) {
            throw new StoreException("cannot downsample " + key, e);
        }
    }

    /**
     * Timestamp of the newest reading of a series. Fast at any history size: the hour rollups give the last
     * hour with data, and only that hour of raw readings is read ({@code MAX(ts)} over {@code readings} would
     * scan every reading of the series).
     */
    public OptionalLong latestTimestamp(SeriesKey key) {
        return edgeTimestamp(key, true);
    }

    /** Timestamp of the oldest reading of a series (see {@link #latestTimestamp(SeriesKey)}). */
    public OptionalLong earliestTimestamp(SeriesKey key) {
        return edgeTimestamp(key, false);
    }

    /** Timestamp of the newest reading of any series of the site. */
    public OptionalLong latestTimestamp(String siteId) {
        OptionalLong latest = OptionalLong.empty();
        for (SeriesKey key : series(siteId)) {
            OptionalLong t = latestTimestamp(key);
            if (t.isPresent() && (latest.isEmpty() || t.getAsLong() > latest.getAsLong())) {
                latest = t;
            }
        }
        return latest;
    }

    private OptionalLong edgeTimestamp(SeriesKey key, boolean latest) {
        String agg = latest ? "MAX" : "MIN";
        try (Connection c = db.connection()) {
            Optional<Integer> sid = findSeriesId(c, key);
            if (sid.isEmpty()) {
                return OptionalLong.empty();
            }
            long hour;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + agg + "(bucket) FROM readings_1h WHERE series_id = ?")) {
                ps.setInt(1, sid.get());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    hour = rs.getLong(1);
                    if (rs.wasNull()) {
                        return OptionalLong.empty();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + agg + "(ts) FROM readings WHERE series_id = ? AND ts >= ? AND ts < ?")) {
                ps.setInt(1, sid.get());
                ps.setLong(2, hour);
                ps.setLong(3, hour + HOUR_MILLIS);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long ts = rs.getLong(1);
                    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(ts);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the time span of " + key, e);
        }
    }

    public long count() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM readings");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count readings", e);
        }
    }

    // ---------------------------------------------------------------------------------------------- planning

    /**
     * Aggregates one series into buckets {@code k = floor((ts - origin) / width)}. Spans still to cover start
     * as the whole range; at each rollup resolution that is not wider than a bucket, rollup rows that lie inside
     * one bucket are taken, and what remains (the range edges and rollup rows that straddle a bucket boundary)
     * goes down to the next finer resolution, ending with raw readings. A missing rollup row means no readings,
     * so gaps need no finer look.
     */
    private static final class Aggregation {
        private final int seriesId;
        private final long origin;
        private final long width;
        private final TreeMap<Long, Acc> byBucket = new TreeMap<>();
        private Resolution coarsest = Resolution.RAW;
        private long rowsScanned;

        Aggregation(int seriesId, long origin, long width) {
            this.seriesId = seriesId;
            this.origin = origin;
            this.width = width;
        }

        private long bucketOf(long ts) {
            return Math.floorDiv(ts - origin, width);
        }

        void run(Connection c, long from, long to) throws SQLException {
            List<long[]> pending = new ArrayList<>();
            pending.add(new long[] {from, to});
            for (Resolution r : new Resolution[] {Resolution.HOUR, Resolution.MINUTE}) {
                if (width < r.millis || pending.isEmpty()) {
                    continue;
                }
                List<long[]> next = new ArrayList<>();
                List<long[]> interiors = new ArrayList<>();
                for (long[] span : pending) {
                    long a = alignUp(span[0], r.millis);
                    long b = alignDown(span[1], r.millis);
                    if (a >= b) {
                        next.add(span);
                    } else {
                        next.add(new long[] {span[0], a});
                        interiors.add(new long[] {a, b});
                        next.add(new long[] {b, span[1]});
                    }
                }
                for (int i = 0; i < interiors.size(); i += SPANS_PER_QUERY) {
                    List<long[]> chunk = interiors.subList(i, Math.min(interiors.size(), i + SPANS_PER_QUERY));
                    try (PreparedStatement ps = c.prepareStatement("SELECT t.bucket, t.min_v, t.max_v, t.sum_v, t.cnt "
                            + "FROM " + spans(chunk.size()) + " JOIN " + r.table + " t ON t.series_id = ? "
                            + "AND t.bucket >= s.a AND t.bucket < s.b")) {
                        int p = bindSpans(ps, 1, chunk);
                        ps.setInt(p, seriesId);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rowsScanned++;
                                long t = rs.getLong(1);
                                long k = bucketOf(t);
                                if (k == bucketOf(t + r.millis - 1)) {
                                    if (coarsest == Resolution.RAW) {
                                        coarsest = r;
                                    }
                                    byBucket.computeIfAbsent(k, x -> new Acc())
                                            .add(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5));
                                } else {
                                    next.add(new long[] {t, t + r.millis}); // straddles a bucket boundary
                                }
                            }
                        }
                    }
                }
                pending = merged(next);
            }
            for (int i = 0; i < pending.size(); i += SPANS_PER_QUERY) {
                List<long[]> chunk = pending.subList(i, Math.min(pending.size(), i + SPANS_PER_QUERY));
                // origin <= every ts here, so integer division is floor division
                try (PreparedStatement ps = c.prepareStatement("SELECT (r.ts - ?) / ? AS k, MIN(r.reading_value), "
                        + "MAX(r.reading_value), SUM(r.reading_value), COUNT(*) FROM " + spans(chunk.size())
                        + " JOIN readings r ON r.series_id = ? AND r.ts >= s.a AND r.ts < s.b GROUP BY k")) {
                    ps.setLong(1, origin);
                    ps.setLong(2, width);
                    int p = bindSpans(ps, 3, chunk);
                    ps.setInt(p, seriesId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long n = rs.getLong(5);
                            rowsScanned += n;
                            byBucket.computeIfAbsent(rs.getLong(1), x -> new Acc())
                                    .add(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), n);
                        }
                    }
                }
            }
        }

        /** A VALUES table of n spans (a, b); H2 joins it to the table through the primary key, one range each. */
        private static String spans(int n) {
            StringBuilder sb = new StringBuilder("(VALUES ");
            for (int i = 0; i < n; i++) {
                sb.append(i == 0 ? "" : ", ").append("(CAST(? AS BIGINT), CAST(? AS BIGINT))");
            }
            return sb.append(") AS s(a, b)").toString();
        }

        private static int bindSpans(PreparedStatement ps, int first, List<long[]> spans) throws SQLException {
            int p = first;
            for (long[] span : spans) {
                ps.setLong(p++, span[0]);
                ps.setLong(p++, span[1]);
            }
            return p;
        }

        /** Sorted, without empty spans, touching spans joined. */
        private static List<long[]> merged(List<long[]> spans) {
            spans.sort((x, y) -> Long.compare(x[0], y[0]));
            List<long[]> out = new ArrayList<>();
            for (long[] span : spans) {
                if (span[0] >= span[1]) {
                    continue;
                }
                long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last != null && last[1] >= span[0]) {
                    last[1] = Math.max(last[1], span[1]);
                } else {
                    out.add(new long[] {span[0], span[1]});
                }
            }
            return out;
        }

        List<Bucket> buckets() {
            List<Bucket> out = new ArrayList<>(byBucket.size());
            byBucket.forEach((k, a) -> out.add(new Bucket(origin + k * width, a.min, a.max, a.sum / a.count, a.count)));
            return out;
        }
    }

    private record RollupKey(int seriesId, long bucket) implements Comparable<RollupKey> {
        @Override
        public int compareTo(RollupKey o) {
            int c = Integer.compare(seriesId, o.seriesId);
            return c != 0 ? c : Long.compare(bucket, o.bucket);
        }
    }

    /** Running min, max, sum and count. */
    private static final class Acc {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum;
        long count;

        void add(double v) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            count++;
        }

        void add(double mn, double mx, double s, long n) {
            min = Math.min(min, mn);
            max = Math.max(max, mx);
            sum += s;
            count += n;
        }

        void add(Acc o) {
            add(o.min, o.max, o.sum, o.count);
        }
    }

    static long alignDown(long t, long step) {
        return Math.floorDiv(t, step) * step;
    }

    static long alignUp(long t, long step) {
        return -Math.floorDiv(-t, step) * step;
    }
}
