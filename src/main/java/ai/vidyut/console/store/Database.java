package ai.vidyut.console.store;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The embedded H2 database in the data folder. Opening it applies any pending Flyway migrations, so a
 * data folder from an older version is upgraded in place.
 */
public final class Database implements AutoCloseable {

    public static final String FILE_NAME = "vidyut";

    private final Path dataDir;
    private final JdbcConnectionPool pool;

    private Database(Path dataDir, JdbcConnectionPool pool) {
        this.dataDir = dataDir;
        this.pool = pool;
    }

    /** Opens (creating if needed) the database in {@code dataDir}. */
    public static Database open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + dataDir, e);
        }
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_NAME)
                + ";DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=2000";
        return openUrl(dataDir, url);
    }

    /** An in-memory database, for tests that do not care about files. */
    public static Database inMemory(String name) {
        return openUrl(null, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    private static Database openUrl(Path dataDir, String url) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "vidyut", "");
        pool.setMaxConnections(16);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    // migration numbers were assigned per capability, so a data folder may have seen a higher one
                    // before a lower one existed; applying the lower one late is safe (they touch disjoint tables)
                    .outOfOrder(true)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            throw new StoreException("cannot open database at " + url + ": " + rootMessage(e), e);
        }
        return new Database(dataDir, pool);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new StoreException("cannot get a database connection", e);
        }
    }

    /** The data folder, or null for an in-memory database. */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try (Connection c = pool.getConnection()) {
            c.createStatement().execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already closed
        }
        pool.dispose();
    }
}
