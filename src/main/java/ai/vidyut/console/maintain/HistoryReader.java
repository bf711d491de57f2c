package ai.vidyut.console.maintain;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.StoreException;
import ai.vidyut.console.telemetry.SeriesKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the recent history of one series for condition assessment: the last {@code windowMillis} before
 * {@code asOf}, but never more than {@code maxPoints} of the newest samples, so a 1 Hz stream still costs a bounded
 * read.
 */
final class HistoryReader {

    private final Database db;
    private final ReadingStore readings;

    HistoryReader(Database db, ReadingStore readings) {
        this.db = db;
        this.readings = readings;
    }

    ConditionAnalyzer.Series read(SeriesKey key, long asOf, long windowMillis, int maxPoints) {
        long from = asOf - windowMillis;
        long start = from;
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT r.ts FROM readings r JOIN series s ON s.id = r.series_id WHERE s.site_id = ? "
                             + "AND s.asset_id = ? AND s.metric = ? AND r.ts >= ? AND r.ts <= ? "
                             + "ORDER BY r.ts DESC LIMIT 1 OFFSET ?")) {
            ps.setString(1, key.siteId());
            ps.setString(2, key.assetId());
            ps.setString(3, key.metric());
            ps.setLong(4, from);
            ps.setLong(5, asOf);
            ps.setInt(6, maxPoints - 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    start = Math.max(from, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read history of " + key, e);
        }
        List<ReadingStore.Point> points = readings.range(key, start, asOf + 1);
        long[] ts = new long[points.size()];
        double[] v = new double[points.size()];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = points.get(i).timestampMillis();
            v[i] = points.get(i).value();
        }
        return new ConditionAnalyzer.Series(ts, v);
    }

    /** The newest timestamp of any series of a site, or -1 when it has none (from the store's rollups: cheap). */
    long latest(String siteId) {
        return readings.latestTimestamp(siteId).orElse(-1);
    }
}
