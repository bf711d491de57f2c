package ai.vidyut.console.maintain;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.StoreException;
import ai.vidyut.console.telemetry.AssetKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Persists each site's latest asset health and maintenance plan (migration V5); a refresh replaces them atomically. */
public final class PlanStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The stored health of one asset. */
    public record HealthRecord(String siteId, String assetId, String assetName, AssetKind kind, String healthState,
                               double healthProbability, double healthScore, Double rulDays, Double rulLowerDays,
                               Double rulUpperDays, String drivingMetric, String evidenceJson, Instant assessedAt) {
    }

    private final Database db;

    public PlanStore(Database db) {
        this.db = db;
    }

    public void replace(String siteId, List<AssetAssessment> assessments, List<MaintenanceItem> items,
                        String healthModel, Instant at) {
        List<MaintenanceItem> ordered = new ArrayList<>(items);
        ordered.sort(MaintenanceItem.URGENCY);
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM asset_health WHERE site_id = ?")) {
                    del.setString(1, siteId);
                    del.executeUpdate();
                }
                try (PreparedStatement del = c.prepareStatement("DELETE FROM maintenance_items WHERE site_id = ?")) {
                    del.setString(1, siteId);
                    del.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO asset_health (site_id, asset_id, asset_name, asset_kind, health_state, "
                                + "health_probability, health_score, rul_days, rul_lower_days, rul_upper_days, "
                                + "driving_metric, evidence_json, assessed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    for (AssetAssessment a : assessments) {
                        ps.setString(1, siteId);
                        ps.setString(2, a.assetId());
                        ps.setString(3, a.assetName());
                        ps.setString(4, a.kind().wireName());
                        ps.setString(5, a.healthState());
                        ps.setDouble(6, a.healthProbability());
                        ps.setDouble(7, a.healthScore());
                        setDouble(ps, 8, a.lifeDays() == null ? Double.NaN : a.lifeDays().rul());
                        setDouble(ps, 9, a.lifeDays() == null ? Double.NaN : a.lifeDays().lower());
                        setDouble(ps, 10, a.lifeDays() == null ? Double.NaN : a.lifeDays().upper());
                        ps.setString(11, a.driving() == null ? null : a.driving().signal().metric());
                        ps.setString(12, evidence(a));
                        ps.setLong(13, a.assessedAt().toEpochMilli());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO maintenance_items (site_id, asset_id, asset_name, item_type, priority, urgency_rank, "
                                + "predicted_failure_at, days_until_maintenance, confidence, recommendation, "
                                + "health_state, health_probability, driving_metric, created_at) "
                                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    int rank = 0;
                    for (MaintenanceItem i : ordered) {
                        ps.setString(1, siteId);
                        ps.setString(2, i.assetId());
                        ps.setString(3, i.assetName());
                        ps.setString(4, i.type().wireName());
                        ps.setString(5, i.priority().wireName());
                        ps.setInt(6, rank++);
                        if (i.predictedFailureDate() == null) {
                            ps.setNull(7, Types.BIGINT);
                        } else {
                            ps.setLong(7, i.predictedFailureDate().toEpochMilli());
                        }
                        ps.setInt(8, i.daysUntilMaintenance());
                        ps.setDouble(9, i.confidence());
                        ps.setString(10, truncate(i.recommendation(), 2000));
                        ps.setString(11, i.healthState());
                        ps.setDouble(12, i.healthProbability());
                        ps.setString(13, i.drivingMetric());
                        ps.setLong(14, i.createdAt().toEpochMilli());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "MERGE INTO maintenance_plan_runs (site_id, refreshed_at, assets_assessed, items, health_model) "
                                + "KEY (site_id) VALUES (?,?,?,?,?)")) {
                    ps.setString(1, siteId);
                    ps.setLong(2, at.toEpochMilli());
                    ps.setInt(3, assessments.size());
                    ps.setInt(4, ordered.size());
                    ps.setString(5, healthModel);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot save the maintenance plan of " + siteId, e);
        }
    }

    /** A site's plan, most urgent first; a null site means every site (merged by urgency). */
    public List<MaintenanceItem> plan(String siteId) {
        String sql = "SELECT site_id, asset_id, asset_name, item_type, priority, predicted_failure_at, "
                + "days_until_maintenance, confidence, recommendation, health_state, health_probability, "
                + "driving_metric, created_at FROM maintenance_items WHERE (? IS NULL OR site_id = ?) "
                + "ORDER BY site_id, urgency_rank";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, siteId);
            ps.setString(2, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                List<MaintenanceItem> out = new ArrayList<>();
                while (rs.next()) {
                    long f = rs.getLong(6);
                    Instant failure = rs.wasNull() ? null : Instant.ofEpochMilli(f);
                    out.add(new MaintenanceItem(rs.getString(1), rs.getString(2), rs.getString(3),
                            MaintenanceItem.Type.fromWire(rs.getString(4)),
                            MaintenanceItem.Priority.fromWire(rs.getString(5)), failure, rs.getInt(7), rs.getDouble(8),
                            rs.getString(9), rs.getString(10), rs.getDouble(11), rs.getString(12),
                            Instant.ofEpochMilli(rs.getLong(13))));
                }
                if (siteId == null) {
                    out.sort(MaintenanceItem.URGENCY);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the maintenance plan", e);
        }
    }

    /** Stored health of a site's assets (null: all sites), least healthy first. */
    public List<HealthRecord> health(String siteId) {
        String sql = "SELECT site_id, asset_id, asset_name, asset_kind, health_state, health_probability, health_score, "
                + "rul_days, rul_lower_days, rul_upper_days, driving_metric, evidence_json, assessed_at "
                + "FROM asset_health WHERE (? IS NULL OR site_id = ?) ORDER BY health_score, site_id, asset_id";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, siteId);
            ps.setString(2, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                List<HealthRecord> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new HealthRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                            AssetKind.fromWire(rs.getString(4)), rs.getString(5), rs.getDouble(6), rs.getDouble(7),
                            nullable(rs, 8), nullable(rs, 9), nullable(rs, 10), rs.getString(11), rs.getString(12),
                            Instant.ofEpochMilli(rs.getLong(13))));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read asset health", e);
        }
    }

    public Optional<Instant> lastRefresh(String siteId) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT refreshed_at FROM maintenance_plan_runs WHERE site_id = ?")) {
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read plan refresh time", e);
        }
    }

    static String evidence(AssetAssessment a) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SignalCondition s : a.signals()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("metric", s.signal().metric());
            m.put("level", num(s.level()));
            m.put("baselineMean", num(s.baselineMean()));
            m.put("slopePerDay", num(s.slopePerDay()));
            m.put("zOwn", num(s.zOwn()));
            m.put("zPeer", num(s.zPeer()));
            m.put("kurtosis", num(s.kurtosis()));
            m.put("crest", num(s.crest()));
            m.put("threshold", num(s.threshold()));
            m.put("daysToThreshold", num(s.daysToThreshold()));
            m.put("daysLower", num(s.daysLower()));
            m.put("daysUpper", num(s.daysUpper()));
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("stateProbabilities", a.stateProbabilities());
        doc.put("signals", list);
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    private static Double nullable(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }

    private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
