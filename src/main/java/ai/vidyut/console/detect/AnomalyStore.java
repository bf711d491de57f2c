package ai.vidyut.console.detect;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Stored anomalies (table {@code anomalies}, migration V3) and their per-site statistics. */
public final class AnomalyStore {

    private static final String COLUMNS = "id, site_id, asset_id, metric, anomaly_type, severity, start_ts, end_ts, "
            + "observed_value, expected_value, deviation_pct, confidence, readings";

    /** The zone of sites that have none. */
    public static final ZoneId UTC = ZoneId.of("UTC");

    private final Database db;

    public AnomalyStore(Database db) {
        this.db = db;
    }

    /** The database the anomalies live in (for other stores of the detect package, e.g. asset kinds). */
    Database database() {
        return db;
    }

    /** Stores an anomaly and returns it with its id. */
    public Anomaly save(Anomaly a) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO anomalies (site_id, asset_id, metric, anomaly_type, severity, start_ts, end_ts, "
                        + "observed_value, expected_value, deviation_pct, confidence, readings, detected_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, a.siteId());
            ps.setString(2, a.assetId());
            ps.setString(3, a.metric());
            ps.setString(4, a.type().wireName());
            ps.setString(5, a.severity().wireName());
            ps.setLong(6, a.startMillis());
            ps.setLong(7, a.endMillis());
            ps.setDouble(8, finite(a.value()));
            ps.setDouble(9, finite(a.expectedValue()));
            ps.setDouble(10, finite(a.deviationPct()));
            ps.setDouble(11, a.confidence());
            ps.setInt(12, a.readings());
            ps.setLong(13, System.currentTimeMillis());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return a.withId(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store anomaly of " + a.siteId() + "/" + a.assetId(), e);
        }
    }

    /** Rewrites a stored anomaly (an ongoing one grows until it ends). */
    public void update(Anomaly a) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE anomalies SET anomaly_type = ?, severity = ?, start_ts = ?, end_ts = ?, observed_value = ?, "
                        + "expected_value = ?, deviation_pct = ?, confidence = ?, readings = ? WHERE id = ?")) {
            ps.setString(1, a.type().wireName());
            ps.setString(2, a.severity().wireName());
            ps.setLong(3, a.startMillis());
            ps.setLong(4, a.endMillis());
            ps.setDouble(5, finite(a.value()));
            ps.setDouble(6, finite(a.expectedValue()));
            ps.setDouble(7, finite(a.deviationPct()));
            ps.setDouble(8, a.confidence());
            ps.setInt(9, a.readings());
            ps.setLong(10, a.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update anomaly " + a.id(), e);
        }
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    /** Anomalies of a site (null = all sites) that started in [from, to), oldest first. */
    public List<Anomaly> list(String siteId, long fromMillis, long toMillis) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM anomalies WHERE (? IS NULL OR site_id = ?) AND start_ts >= ? "
                        + "AND start_ts < ? ORDER BY start_ts, id")) {
            ps.setString(1, siteId);
            ps.setString(2, siteId);
            ps.setLong(3, fromMillis);
            ps.setLong(4, toMillis);
            return readAll(ps);
        } catch (SQLException e) {
            throw new StoreException("cannot read anomalies", e);
        }
    }

    /**
     * Stored anomalies of one series whose span overlaps [startMillis, endMillis] (both inclusive), oldest first:
     * how a re-scan of stored history recognises an anomaly it (or live detection) already stored.
     */
    public List<Anomaly> overlapping(String siteId, String assetId, String metric, long startMillis,
                                     long endMillis) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM anomalies WHERE site_id = ? AND asset_id = ? AND metric = ? "
                        + "AND start_ts <= ? AND end_ts >= ? ORDER BY start_ts, id")) {
            ps.setString(1, siteId);
            ps.setString(2, assetId);
            ps.setString(3, metric);
            ps.setLong(4, endMillis);
            ps.setLong(5, startMillis);
            return readAll(ps);
        } catch (SQLException e) {
            throw new StoreException("cannot read anomalies of " + siteId + "/" + assetId + "/" + metric, e);
        }
    }

    private static List<Anomaly> readAll(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Anomaly> out = new ArrayList<>();
            while (rs.next()) {
                out.add(read(rs));
            }
            return out;
        }
    }

    private static Anomaly read(ResultSet rs) throws SQLException {
        return new Anomaly(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                AnomalyType.fromWire(rs.getString(5)), Severity.fromWire(rs.getString(6)),
                rs.getLong(7), rs.getLong(8), rs.getDouble(9), rs.getDouble(10), rs.getDouble(11),
                rs.getDouble(12), rs.getInt(13));
    }

    public List<Anomaly> list(String siteId) {
        return list(siteId, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Statistics of a site's anomalies as in the design documents: count, average and maximum confidence, counts by
     * hour of day and by day of week (Monday first) in the site's time zone {@code zone}, and frequency (anomalies
     * per day over the span they cover, at least one day).
     */
    public record SiteStats(String siteId, int count, double avgConfidence, double maxConfidence, int[] byHour,
                            int[] byDayOfWeek, double perDay, String zone) {
    }

    /** Statistics of a site's stored anomalies, bucketed in the site's time zone (UTC when it has none). */
    public SiteStats stats(String siteId) {
        return stats(siteId, list(siteId), siteZone(db, siteId));
    }

    /** The time zone of a site as configured, UTC when it is unknown or invalid. */
    public static ZoneId siteZone(Database db, String siteId) {
        return new SiteStore(db).site(siteId).map(s -> zoneOf(s.timeZone())).orElse(UTC);
    }

    /** A zone id as written in a site's settings; UTC when blank or unknown. */
    public static ZoneId zoneOf(String id) {
        if (id == null || id.isBlank()) {
            return UTC;
        }
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            return UTC;
        }
    }

    /** Statistics of the given anomalies of one site, with hour-of-day and day-of-week buckets in {@code zone}. */
    public static SiteStats stats(String siteId, List<Anomaly> all, ZoneId zone) {
        int[] byHour = new int[24];
        int[] byDow = new int[7];
        double sum = 0;
        double max = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Anomaly a : all) {
            ZonedDateTime start = Instant.ofEpochMilli(a.startMillis()).atZone(zone);
            byHour[start.getHour()]++;
            byDow[start.getDayOfWeek().getValue() - 1]++;
            sum += a.confidence();
            max = Math.max(max, a.confidence());
            first = Math.min(first, a.startMillis());
            last = Math.max(last, a.endMillis());
        }
        double days = all.isEmpty() ? 1 : Math.max(1.0, (last - first) / 86_400_000.0);
        return new SiteStats(siteId, all.size(), all.isEmpty() ? 0 : sum / all.size(), max, byHour, byDow,
                all.size() / days, zone.getId());
    }
}
