package ai.vidyut.console.bench.store;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/** Compares raw insert strategies for the readings table (wall and CPU time), to choose append's internals. */
public final class AppendProbe {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String[] modes = args.length > 1 ? args[1].split(",") : new String[] {"plain", "notexists", "merge"};
        for (String mode : modes) {
            Path dir = Files.createTempDirectory("probe");
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("p"), "sa", "")) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE readings (series_id INTEGER NOT NULL, ts BIGINT NOT NULL, "
                            + "reading_value DOUBLE PRECISION NOT NULL, PRIMARY KEY (series_id, ts))");
                }
                String sql = switch (mode) {
                    case "plain" -> "INSERT INTO readings (series_id, ts, reading_value) VALUES (?, ?, ?)";
                    case "notexists" -> "INSERT INTO readings (series_id, ts, reading_value) SELECT ?, ?, ? "
                            + "WHERE NOT EXISTS (SELECT 1 FROM readings WHERE series_id = ? AND ts = ?)";
                    case "merge" -> "MERGE INTO readings (series_id, ts, reading_value) KEY (series_id, ts) VALUES (?, ?, ?)";
                    case "mergeusing" -> "MERGE INTO readings t USING (VALUES (CAST(? AS INTEGER), CAST(? AS BIGINT), "
                            + "CAST(? AS DOUBLE PRECISION))) s(a, b, v) ON t.series_id = s.a AND t.ts = s.b "
                            + "WHEN NOT MATCHED THEN INSERT VALUES (s.a, s.b, s.v)";
                    default -> throw new IllegalArgumentException(mode);
                };
                c.setAutoCommit(false);
                long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                long added = 0;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < n; i++) {
                        int sid = i % 4 + 1;
                        long ts = 1_767_225_600_000L + (i / 4) * 1000L;
                        ps.setInt(1, sid);
                        ps.setLong(2, ts);
                        ps.setDouble(3, i * 0.5);
                        if (mode.equals("notexists")) {
                            ps.setInt(4, sid);
                            ps.setLong(5, ts);
                        }
                        ps.addBatch();
                        if ((i + 1) % 1000 == 0) {
                            for (int k : ps.executeBatch()) {
                                added += Math.max(k, 0);
                            }
                        }
                        if ((i + 1) % 5000 == 0) {
                            c.commit();
                        }
                    }
                    ps.executeBatch();
                    c.commit();
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
                System.out.printf("%-10s %,d rows (%,d counted) wall %.1f s = %,.0f rows/s; cpu %.1f s = %,.0f rows/cpu-s%n",
                        mode, n, added, secs, n / secs, cpu, n / cpu);
            } finally {
                try (var files = Files.list(dir)) {
                    files.forEach(f -> f.toFile().delete());
                }
                Files.deleteIfExists(dir);
            }
        }
    }
}
