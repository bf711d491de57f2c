package ai.vidyut.console.cli;

import ai.vidyut.console.forecast.RegularSeries;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.registry.NewRun;
import ai.vidyut.console.store.DataDir;
import ai.vidyut.console.store.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** Records forecast and backtest runs in the model registry of the data folder, when one is in use. */
final class ForecastRuns {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ForecastRuns() {
    }

    /** A data folder is in use when one was named (--data-dir or $VIDYUT_DATA_DIR) or the default one exists. */
    static boolean dataDirInUse(CommandSpec spec, Path dataDir) {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            CommandLine.ParseResult pr = s.commandLine() == null ? null : s.commandLine().getParseResult();
            if (pr != null && pr.hasMatchedOption("--data-dir")) {
                return true;
            }
        }
        String env = System.getenv(DataDir.ENV);
        return (env != null && !env.isBlank()) || Files.isDirectory(dataDir);
    }

    static String scope(Path input, RegularSeries s) {
        return "csv:" + input.getFileName() + "/" + s.name();
    }

    static Optional<ModelRun> record(Path dataDir, String kind, String scope, Map<String, Object> params,
                                     Map<String, Double> metrics, RegularSeries s, Object artifactDoc)
            throws IOException {
        try (Database db = Database.open(dataDir)) {
            ModelRegistry registry = new ModelRegistry(db, DataDir.modelsDir(dataDir));
            Path artifact = registry.nextArtifactPath(kind, scope, "json");
            JSON.writeValue(artifact.toFile(), artifactDoc);
            long from = s.start().toInstant(ZoneOffset.UTC).toEpochMilli();
            long to = s.lastTime().toInstant(ZoneOffset.UTC).toEpochMilli();
            return Optional.of(registry.record(NewRun.trained(kind, scope, params, metrics, from, to, artifact)));
        }
    }

    static void recordFailure(Path dataDir, String kind, String scope, Map<String, Object> params, String reason) {
        try (Database db = Database.open(dataDir)) {
            new ModelRegistry(db, DataDir.modelsDir(dataDir)).record(NewRun.failed(kind, scope, params, reason));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ForecastRuns.class).warn("could not record the failed run: {}",
                    e.getMessage());
        }
    }
}
