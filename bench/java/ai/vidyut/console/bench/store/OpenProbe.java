package ai.vidyut.console.bench.store;

import ai.vidyut.console.store.Database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** Splits the time to open a large database into H2's own open and Flyway's validation. */
public final class OpenProbe {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("vidyut"),
                "vidyut", "")) {
            c.createStatement().executeQuery("SELECT COUNT(*) FROM series").close();
            System.out.printf("H2 open + first query: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            long t1 = System.nanoTime();
            try (Database db = Database.open(dir)) {
                System.out.printf("Database.open (Flyway) while H2 already open: %.0f ms%n",
                        (System.nanoTime() - t1) / 1e6);
            }
        }
    }
}
