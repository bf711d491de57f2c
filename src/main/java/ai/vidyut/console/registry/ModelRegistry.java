package ai.vidyut.console.registry;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.StoreException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Versioned record of every trained model (anomaly, forecast, maintenance). Each run gets the next version number of
 * its (kind, scope); at most one run per scope is active; activations are logged so the last one can be undone.
 * Artifacts live under the data folder's {@code models/} directory with a JSON metadata file beside each.
 */
public final class ModelRegistry {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String COLUMNS = "id, model_kind, scope, version, params_json, metrics_json, train_from, "
            + "train_to, artifact_path, status, message, created_at, active";

    private final Database db;
    private final Path modelsDir;

    public ModelRegistry(Database db, Path modelsDir) {
        this.db = db;
        this.modelsDir = modelsDir;
    }

    /** The database the registry records its runs in (where the sites and assets of the runs' scopes are too). */
    public Database database() {
        return db;
    }

    public Path modelsDir() {
        return modelsDir;
    }

    /**
     * Where a trainer should write the artifact of the next version of (kind, scope). The folder is created.
     */
    public Path nextArtifactPath(String kind, String scope, String extension) {
        int version = nextVersion(kind, scope);
        Path dir = modelsDir.resolve(safe(kind)).resolve(safe(scope));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create model folder " + dir, e);
        }
        return dir.resolve("v" + version + "." + extension);
    }

    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Records a run as the next version of its scope and writes its metadata JSON beside the artifact. */
    public ModelRun record(NewRun run) {
        long now = System.currentTimeMillis();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                int version = nextVersion(c, run.kind(), run.scope());
                long id;
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO model_runs (model_kind, scope, version, params_json, metrics_json, train_from, "
                                + "train_to, artifact_path, status, message, created_at, active) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, run.kind());
                    ps.setString(2, run.scope());
                    ps.setInt(3, version);
                    ps.setString(4, JSON.writeValueAsString(run.params()));
                    ps.setString(5, JSON.writeValueAsString(run.metrics()));
                    setLong(ps, 6, run.trainFromMillis());
                    setLong(ps, 7, run.trainToMillis());
                    ps.setString(8, run.artifact() == null ? null : run.artifact().toString());
                    ps.setString(9, run.status());
                    ps.setString(10, run.message());
                    ps.setLong(11, now);
                    ps.executeUpdate();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                c.commit();
                ModelRun recorded = find(id).orElseThrow();
                writeMetadata(recorded);
                return recorded;
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot record model run " + run.kind() + " " + run.scope(), e);
        }
    }

    private void writeMetadata(ModelRun run) {
        if (run.artifactPath() == null) {
            return;
        }
        Path meta = Path.of(run.artifactPath() + ".json");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", run.id());
        doc.put("kind", run.kind());
        doc.put("scope", run.scope());
        doc.put("version", run.version());
        doc.put("params", run.params());
        doc.put("metrics", run.metrics());
        doc.put("trainFromMillis", run.trainFromMillis());
        doc.put("trainToMillis", run.trainToMillis());
        doc.put("artifact", Path.of(run.artifactPath()).getFileName().toString());
        doc.put("createdAtMillis", run.createdAtMillis());
        try {
            Files.createDirectories(meta.toAbsolutePath().getParent());
            JSON.writeValue(meta.toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model metadata " + meta, e);
        }
    }

    public Optional<ModelRun> find(long id) {
        List<ModelRun> runs = query("SELECT " + COLUMNS + " FROM model_runs WHERE id = ?", id);
        return runs.stream().findFirst();
    }

    /** Runs of a kind and scope, newest first; null kind or scope means any. */
    public List<ModelRun> runs(String kind, String scope) {
        return query("SELECT " + COLUMNS + " FROM model_runs WHERE (? IS NULL OR model_kind = ?) "
                + "AND (? IS NULL OR scope = ?) ORDER BY created_at DESC, id DESC", kind, kind, scope, scope);
    }

    public Optional<ModelRun> active(String kind, String scope) {
        return query("SELECT " + COLUMNS + " FROM model_runs WHERE model_kind = ? AND scope = ? AND active",
                kind, scope).stream().findFirst();
    }

    /** Makes a trained run the active one of its scope, remembering which was active before. */
    public ModelRun activate(long runId) {
        ModelRun run = find(runId).orElseThrow(() -> new IllegalArgumentException("no model run " + runId));
        if (!ModelRun.TRAINED.equals(run.status())) {
            throw new IllegalArgumentException("run " + runId + " failed to train and cannot be activated: "
                    + run.message());
        }
        Long previous = active(run.kind(), run.scope()).map(ModelRun::id).orElse(null);
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                setActive(c, run.kind(), run.scope(), runId);
                try (PreparedStatement log = c.prepareStatement(
                        "INSERT INTO model_activations (model_kind, scope, run_id, previous_run_id, activated_at) "
                                + "VALUES (?, ?, ?, ?, ?)")) {
                    log.setString(1, run.kind());
                    log.setString(2, run.scope());
                    log.setLong(3, runId);
                    setLong(log, 4, previous);
                    log.setLong(5, System.currentTimeMillis());
                    log.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot activate model run " + runId, e);
        }
        return find(runId).orElseThrow();
    }

    /**
     * Undoes the latest activation of a scope: the run active before it becomes active again (or none).
     * Returns the run now active.
     */
    public Optional<ModelRun> revert(String kind, String scope) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                Long activationId = null;
                Long previous = null;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, previous_run_id FROM model_activations WHERE model_kind = ? AND scope = ? "
                                + "ORDER BY id DESC LIMIT 1")) {
                    ps.setString(1, kind);
                    ps.setString(2, scope);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            activationId = rs.getLong(1);
                            long p = rs.getLong(2);
                            previous = rs.wasNull() ? null : p;
                        }
                    }
                }
                if (activationId == null) {
                    c.rollback();
                    return active(kind, scope);
                }
                setActive(c, kind, scope, previous);
                try (PreparedStatement del = c.prepareStatement("DELETE FROM model_activations WHERE id = ?")) {
                    del.setLong(1, activationId);
                    del.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot revert activation of " + kind + " " + scope, e);
        }
        return active(kind, scope);
    }

    private static void setActive(Connection c, String kind, String scope, Long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE model_runs SET active = (id = COALESCE(?, -1)) WHERE model_kind = ? AND scope = ?")) {
            setLong(ps, 1, runId);
            ps.setString(2, kind);
            ps.setString(3, scope);
            ps.executeUpdate();
        }
    }

    /** The trained run of (kind, scope) with the best value of {@code metric}; runs lacking it are skipped. */
    public Optional<ModelRun> best(String kind, String scope, String metric, boolean lowerIsBetter) {
        Comparator<ModelRun> byMetric = Comparator.comparingDouble(r -> r.metrics().get(metric));
        return runs(kind, scope).stream()
                .filter(r -> ModelRun.TRAINED.equals(r.status()) && r.metrics().containsKey(metric))
                .filter(r -> !Double.isNaN(r.metrics().get(metric)))
                .min(lowerIsBetter ? byMetric : byMetric.reversed());
    }

    private int nextVersion(String kind, String scope) {
        try (Connection c = db.connection()) {
            return nextVersion(c, kind, scope);
        } catch (SQLException e) {
            throw new StoreException("cannot read model versions", e);
        }
    }

    private static int nextVersion(Connection c, String kind, String scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM model_runs WHERE model_kind = ? AND scope = ?")) {
            ps.setString(1, kind);
            ps.setString(2, scope);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private List<ModelRun> query(String sql, Object... args) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<ModelRun> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new ModelRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            JSON.readValue(rs.getString(5), new TypeReference<Map<String, Object>>() { }),
                            JSON.readValue(rs.getString(6), new TypeReference<Map<String, Double>>() { }),
                            nullableLong(rs, 7), nullableLong(rs, 8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getLong(12), rs.getBoolean(13)));
                }
                return out;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read model runs", e);
        }
    }

    private static Long nullableLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
