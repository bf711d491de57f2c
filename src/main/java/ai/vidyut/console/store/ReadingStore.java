package ai.vidyut.console.store;

import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reading history. Writes are batched by the caller (the ingestion pipeline or an importer);
 * a reading already stored for the same series and timestamp is kept once.
 */
public final class ReadingStore {

    private final Database db;
    private final SiteStore sites;
    private final Map<SeriesKey, Integer> seriesIds = new ConcurrentHashMap<>();

    public ReadingStore(Database db, SiteStore sites) {
        this.db = db;
        this.sites = sites;
    }

    /** One time-value pair of a series. */
    public record Point(long timestampMillis, double value) {
    }

    /** Aggregate of the readings that fall in one bucket of a downsampled range. */
    public record Bucket(long startMillis, double min, double max, double mean, long count) {
    }

    /**
     * Stores the readings in one transaction, creating unknown sites, assets and series on first sight.
     * Returns how many readings were new (not already stored).
     */
    public int append(List<Reading> readings) {
        if (readings.isEmpty()) {
            return 0;
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            int added = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO readings (series_id, ts, reading_value) "
                            + "SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM readings WHERE series_id = ? AND ts = ?)")) {
                int pending = 0;
                for (Reading r : readings) {
                    int sid = seriesId(c, r.seriesKey());
                    ps.setInt(1, sid);
                    ps.setLong(2, r.timestampMillis());
                    ps.setDouble(3, r.value());
                    ps.setInt(4, sid);
                    ps.setLong(5, r.timestampMillis());
                    ps.addBatch();
                    if (++pending == 1000) {
                        added += sum(ps.executeBatch());
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    added += sum(ps.executeBatch());
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return added;
        } catch (SQLException e) {
            throw new StoreException("cannot store " + readings.size() + " readings", e);
        }
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int k : counts) {
            n += Math.max(k, 0);
        }
        return n;
    }

    /** The id of a series, creating the series (and its site and asset, if unknown) on first sight. */
    int seriesId(Connection c, SeriesKey key) throws SQLException {
        Integer cached = seriesIds.get(key);
        if (cached != null) {
            return cached;
        }
        sites.ensureAsset(key.siteId(), key.assetId());
        try (PreparedStatement find = c.prepareStatement(
                "SELECT id FROM series WHERE site_id = ? AND asset_id = ? AND metric = ?")) {
            find.setString(1, key.siteId());
            find.setString(2, key.assetId());
            find.setString(3, key.metric());
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    seriesIds.put(key, rs.getInt(1));
                    return rs.getInt(1);
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO series (site_id, asset_id, metric) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, key.siteId());
            insert.setString(2, key.assetId());
            insert.setString(3, key.metric());
            insert.executeUpdate();
            try (ResultSet rs = insert.getGeneratedKeys()) {
                rs.next();
                int id = rs.getInt(1);
                seriesIds.put(key, id);
                return id;
            }
        }
    }

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
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT r.ts, r.reading_value FROM readings r JOIN series s ON s.id = r.series_id "
                             + "WHERE s.site_id = ? AND s.asset_id = ? AND s.metric = ? AND r.ts >= ? AND r.ts < ? "
                             + "ORDER BY r.ts")) {
            ps.setString(1, key.siteId());
            ps.setString(2, key.assetId());
            ps.setString(3, key.metric());
            ps.setLong(4, fromMillis);
            ps.setLong(5, toMillis);
            try (ResultSet rs = ps.executeQuery()) {
                List<Point> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Point(rs.getLong(1), rs.getDouble(2)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read " + key, e);
        }
    }

    /**
     * One series over {@code [fromMillis, toMillis)} cut into buckets of {@code bucketMillis}, each with
     * min, max and mean; empty buckets are omitted.
     */
    public List<Bucket> downsample(SeriesKey key, long fromMillis, long toMillis, long bucketMillis) {
        if (bucketMillis <= 0) {
            throw new IllegalArgumentException("bucket must be positive: " + bucketMillis);
        }
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT (r.ts - ?) / ? AS b, MIN(r.reading_value), MAX(r.reading_value), AVG(r.reading_value), COUNT(*) "
                             + "FROM readings r JOIN series s ON s.id = r.series_id "
                             + "WHERE s.site_id = ? AND s.asset_id = ? AND s.metric = ? AND r.ts >= ? AND r.ts < ? "
                             + "GROUP BY b ORDER BY b")) {
            ps.setLong(1, fromMillis);
            ps.setLong(2, bucketMillis);
            ps.setString(3, key.siteId());
            ps.setString(4, key.assetId());
            ps.setString(5, key.metric());
            ps.setLong(6, fromMillis);
            ps.setLong(7, toMillis);
            try (ResultSet rs = ps.executeQuery()) {
                List<Bucket> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Bucket(fromMillis + rs.getLong(1) * bucketMillis, rs.getDouble(2), rs.getDouble(3),
                            rs.getDouble(4), rs.getLong(5)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot downsample " + key, e);
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
}
