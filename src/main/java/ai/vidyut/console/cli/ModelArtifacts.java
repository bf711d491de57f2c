package ai.vidyut.console.cli;

import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.registry.NewRun;
import ai.vidyut.console.store.DataDir;
import ai.vidyut.console.store.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Records a model trained from the command line so that the run never depends on the user's output file: the file is
 * copied into the models folder ({@link ModelRegistry#nextArtifactPath}) and that copy is the recorded artifact. The
 * run's metadata JSON is written beside the copy and also beside the user's file.
 */
final class ModelArtifacts {

    private ModelArtifacts() {
    }

    static ModelRun recordCopy(Path dataDir, String kind, String scope, String extension, Map<String, Object> params,
                               Map<String, Double> metrics, Long trainFrom, Long trainTo, Path output,
                               boolean activate) {
        try (Database db = Database.open(dataDir)) {
            ModelRegistry registry = new ModelRegistry(db, DataDir.modelsDir(dataDir));
            Path artifact = registry.nextArtifactPath(kind, scope, extension);
            Files.copy(output, artifact, StandardCopyOption.REPLACE_EXISTING);
            ModelRun run = registry.record(NewRun.trained(kind, scope, params, metrics, trainFrom, trainTo, artifact));
            if (activate) {
                registry.activate(run.id());
                run = registry.find(run.id()).orElse(run);
            }
            Path meta = Path.of(artifact + ".json");
            if (Files.isRegularFile(meta)) {
                Files.copy(meta, Path.of(output.toAbsolutePath() + ".json"), StandardCopyOption.REPLACE_EXISTING);
            }
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + output + " into the models folder: " + e.getMessage(), e);
        }
    }
}
