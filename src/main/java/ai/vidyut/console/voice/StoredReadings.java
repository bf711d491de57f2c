package ai.vidyut.console.voice;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.StoreException;
import ai.vidyut.console.telemetry.SeriesKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Answers from the stored history: the latest value of series, and energy over a window integrated from power.
 * Read-only.
 */
public final class StoredReadings {

    /** The latest reading of one series. */
    public record Latest(SeriesKey key, long timestampMillis, double value) {
    }

    /** Energy of some assets over a window, and how much of the window the data covered. */
    public record Energy(double kwh, List<String> assetIds, long coveredMillis, int points) {
    }

    /** Gaps longer than this are not integrated across (the data is missing, not zero). */
    static final long MAX_GAP_MILLIS = 15 * 60_000L;

    private final Database db;
    private final ReadingStore readings;

    public StoredReadings(Database db, ReadingStore readings) {
        this.db = db;
        this.readings = readings;
    }

    /** Latest readings at a site, optionally only of some assets and/or one metric. */
    public List<Latest> latest(String siteId, Collection<String> assetIds, String metric) {
        List<Latest> out = new ArrayList<>();
        for (SeriesKey key : readings.series(siteId)) {
            if (assetIds != null && !assetIds.contains(key.assetId()) || metric != null && !metric.equals(key.metric())) {
                continue;
            }
            try (Connection c = db.connection();
                 PreparedStatement ps = c.prepareStatement("SELECT r.ts, r.reading_value FROM readings r JOIN series s "
                         + "ON s.id = r.series_id WHERE s.site_id = ? AND s.asset_id = ? AND s.metric = ? "
                         + "ORDER BY r.ts DESC LIMIT 1")) {
                ps.setString(1, key.siteId());
                ps.setString(2, key.assetId());
                ps.setString(3, key.metric());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(new Latest(key, rs.getLong(1), rs.getDouble(2)));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read the latest " + key, e);
            }
        }
        return out;
    }

    /**
     * Energy in kWh of the given assets over {@code [from, to)}: the trapezoidal integral of their {@code power_kw},
     * not bridging gaps longer than 15 minutes.
     */
    public Energy energy(String siteId, Collection<String> assetIds, long fromMillis, long toMillis) {
        double kwh = 0;
        long covered = 0;
        int points = 0;
        List<String> used = new ArrayList<>();
        for (String assetId : assetIds) {
            List<ReadingStore.Point> p = readings.range(new SeriesKey(siteId, assetId, "power_kw"), fromMillis, toMillis);
            if (p.isEmpty()) {
                continue;
            }
            used.add(assetId);
            points += p.size();
            for (int i = 1; i < p.size(); i++) {
                long dt = p.get(i).timestampMillis() - p.get(i - 1).timestampMillis();
                if (dt <= 0 || dt > MAX_GAP_MILLIS) {
                    continue;
                }
                kwh += (p.get(i).value() + p.get(i - 1).value()) / 2 * dt / 3_600_000.0;
                covered += dt;
            }
        }
        return new Energy(kwh, used, used.isEmpty() ? 0 : covered / used.size(), points);
    }
}
