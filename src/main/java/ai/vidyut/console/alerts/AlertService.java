package ai.vidyut.console.alerts;

import ai.vidyut.console.detect.Anomaly;
import ai.vidyut.console.detect.Severity;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Raises, lists and acknowledges alerts (table {@code alerts}, migration V3). One fault does not flood the
 * operator: while an unacknowledged alert of the same (site, asset, metric, type) was last seen less than the
 * cooldown ago, a new anomaly only bumps its occurrence count (and its severity, if higher). Thread-safe.
 */
public final class AlertService {

    public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(15);
    private static final String COLUMNS = "id, anomaly_id, site_id, asset_id, metric, alert_type, severity, message, "
            + "raised_at, occurrences, last_seen_at, acknowledged, acknowledged_at";

    private final Database db;
    private final Duration cooldown;
    private final LongSupplier clock;
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();

    public AlertService(Database db) {
        this(db, DEFAULT_COOLDOWN, System::currentTimeMillis);
    }

    public AlertService(Database db, Duration cooldown, LongSupplier clock) {
        this.db = db;
        this.cooldown = cooldown;
        this.clock = clock;
    }

    /** Called with every newly raised alert (not with cooldown repeats), on the raising thread. */
    public void addListener(Consumer<Alert> listener) {
        listeners.add(listener);
    }

    /**
     * Raises an alert for an anomaly, unless one for the same (site, asset, metric, type) is open and within the
     * cooldown. Returns the new alert, or empty when it was merged into an open one.
     */
    public synchronized Optional<Alert> raise(Anomaly a) {
        String type = a.type().wireName();
        long now = clock.getAsLong();
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, severity FROM alerts WHERE site_id = ? "
                    + "AND asset_id = ? AND metric = ? AND alert_type = ? AND NOT acknowledged AND last_seen_at >= ? "
                    + "ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, a.siteId());
                ps.setString(2, a.assetId());
                ps.setString(3, a.metric());
                ps.setString(4, type);
                ps.setLong(5, now - cooldown.toMillis());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long id = rs.getLong(1);
                        Severity current = Severity.fromWire(rs.getString(2));
                        Severity sev = a.severity().ordinal() > current.ordinal() ? a.severity() : current;
                        try (PreparedStatement up = c.prepareStatement("UPDATE alerts SET occurrences = occurrences"
                                + " + 1, last_seen_at = ?, severity = ? WHERE id = ?")) {
                            up.setLong(1, now);
                            up.setString(2, sev.wireName());
                            up.setLong(3, id);
                            up.executeUpdate();
                        }
                        return Optional.empty();
                    }
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO alerts (anomaly_id, site_id, asset_id, "
                    + "metric, alert_type, severity, message, raised_at, occurrences, last_seen_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)", Statement.RETURN_GENERATED_KEYS)) {
                if (a.id() > 0) {
                    ins.setLong(1, a.id());
                } else {
                    ins.setNull(1, Types.BIGINT);
                }
                ins.setString(2, a.siteId());
                ins.setString(3, a.assetId());
                ins.setString(4, a.metric());
                ins.setString(5, type);
                ins.setString(6, a.severity().wireName());
                ins.setString(7, message(a));
                ins.setLong(8, now);
                ins.setLong(9, now);
                ins.executeUpdate();
                long id;
                try (ResultSet rs = ins.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                Alert alert = find(id).orElseThrow();
                for (Consumer<Alert> l : listeners) {
                    l.accept(alert);
                }
                return Optional.of(alert);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot raise alert for " + a.siteId() + "/" + a.assetId(), e);
        }
    }

    static String message(Anomaly a) {
        return String.format(Locale.ROOT, "%s on %s/%s %s: %.4g (expected %.4g, %+.1f%%), confidence %.0f%%",
                a.type().wireName().replace('_', ' '), a.siteId(), a.assetId(), a.metric(), a.value(),
                a.expectedValue(), a.deviationPct(), 100 * a.confidence());
    }

    /** Unacknowledged alerts, newest first. */
    public List<Alert> open() {
        return query("SELECT " + COLUMNS + " FROM alerts WHERE NOT acknowledged ORDER BY raised_at DESC, id DESC");
    }

    /** All alerts, newest first. */
    public List<Alert> all() {
        return query("SELECT " + COLUMNS + " FROM alerts ORDER BY raised_at DESC, id DESC");
    }

    public Optional<Alert> find(long id) {
        return query("SELECT " + COLUMNS + " FROM alerts WHERE id = ?", id).stream().findFirst();
    }

    /** Acknowledges one alert; false if it does not exist or was already acknowledged. */
    public synchronized boolean acknowledge(long id) {
        return update("UPDATE alerts SET acknowledged = TRUE, acknowledged_at = ? WHERE id = ? AND NOT acknowledged",
                clock.getAsLong(), id) > 0;
    }

    /** Acknowledges the open alerts raised for this anomaly's (site, asset, metric, type); returns how many. */
    public synchronized int acknowledgeFor(Anomaly a) {
        return update("UPDATE alerts SET acknowledged = TRUE, acknowledged_at = ? WHERE NOT acknowledged "
                        + "AND site_id = ? AND asset_id = ? AND metric = ? AND alert_type = ?", clock.getAsLong(),
                a.siteId(), a.assetId(), a.metric(), a.type().wireName());
    }

    /** Acknowledges every open alert; returns how many. */
    public synchronized int acknowledgeAll() {
        return update("UPDATE alerts SET acknowledged = TRUE, acknowledged_at = ? WHERE NOT acknowledged",
                clock.getAsLong());
    }

    private int update(String sql, Object... args) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update alerts", e);
        }
    }

    private List<Alert> query(String sql, Object... args) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Alert> out = new ArrayList<>();
                while (rs.next()) {
                    long anomaly = rs.getLong(2);
                    Long anomalyId = rs.wasNull() ? null : anomaly;
                    long ack = rs.getLong(13);
                    Long ackAt = rs.wasNull() ? null : ack;
                    out.add(new Alert(rs.getLong(1), anomalyId, rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), Severity.fromWire(rs.getString(7)), rs.getString(8), rs.getLong(9),
                            rs.getInt(10), rs.getLong(11), rs.getBoolean(12), ackAt));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read alerts", e);
        }
    }
}
