package ai.vidyut.console.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Messages that could not be ingested, each with its raw payload and the reason, so nothing is lost. */
public final class QuarantineStore {

    /** One quarantined message. */
    public record Entry(long id, long receivedAtMillis, String source, String reason, String detail, String rawPayload) {
    }

    private final Database db;

    public QuarantineStore(Database db) {
        this.db = db;
    }

    public void add(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO quarantine (received_at, source, reason, detail, raw_payload) VALUES (?, ?, ?, ?, ?)")) {
            for (Entry e : entries) {
                ps.setLong(1, e.receivedAtMillis());
                ps.setString(2, truncate(e.source(), 200));
                ps.setString(3, truncate(e.reason(), 64));
                ps.setString(4, truncate(e.detail(), 2000));
                ps.setString(5, e.rawPayload());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("cannot quarantine " + entries.size() + " messages", e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public long count() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM quarantine");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count quarantine", e);
        }
    }

    public Map<String, Long> countByReason() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT reason, COUNT(*) FROM quarantine GROUP BY reason");
             ResultSet rs = ps.executeQuery()) {
            Map<String, Long> out = new TreeMap<>();
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot count quarantine by reason", e);
        }
    }

    /** The most recent entries, newest first. */
    public List<Entry> latest(int limit) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, received_at, source, reason, detail, raw_payload FROM quarantine ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<Entry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read quarantine", e);
        }
    }
}
