package ai.vidyut.console.maintain;

import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.registry.NewRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The health classifier the live service applies to every asset with condition signals. Until a site supplies
 * labelled failures of its own (train one with {@code vidyut maintenance train-health} on a table of the same
 * features and activate it), it is trained on {@link ConditionScenarios} and recorded in the model registry as
 * kind {@value HealthClassifier#KIND}, scope {@value #SCOPE}.
 */
public final class LiveHealthModel {

    public static final String SCOPE = "live-condition";
    static final int PER_CLASS = 100;
    static final long SEED = 7;
    private static final Logger LOG = LoggerFactory.getLogger(LiveHealthModel.class);

    private LiveHealthModel() {
    }

    /** Trains the default live model on synthetic condition histories (a few seconds). */
    public static HealthClassifier trainDefault() {
        Table table = ConditionScenarios.trainingTable(PER_CLASS, SEED);
        HealthClassifier.Options o = new HealthClassifier.Options(HealthClassifier.Learner.RANDOM_FOREST, 100, false, 3,
                false, SEED);
        return HealthClassifier.train(table, "state", List.of(), o);
    }

    /**
     * The active live model of the registry, or — when there is none or its artifact is unreadable — a newly trained
     * default, recorded and activated.
     */
    public static Loaded loadOrTrain(ModelRegistry registry) {
        Optional<ModelRun> active = registry.active(HealthClassifier.KIND, SCOPE);
        if (active.isPresent() && active.get().artifactPath() != null) {
            Path file = Path.of(active.get().artifactPath());
            try {
                if (Files.isRegularFile(file)) {
                    return new Loaded(HealthClassifier.load(file), active.get());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot load live health model {} ({}); training a new one", file, e.getMessage());
            }
        }
        long t0 = System.currentTimeMillis();
        HealthClassifier model = trainDefault();
        Path artifact = registry.nextArtifactPath(HealthClassifier.KIND, SCOPE, "health");
        try {
            model.save(artifact);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save live health model to " + artifact, e);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("source", "synthetic condition scenarios");
        params.put("perClass", PER_CLASS);
        params.put("learner", model.learner().name());
        params.put("classes", model.classes());
        params.put("trainMillis", System.currentTimeMillis() - t0);
        ModelRun run = registry.record(NewRun.trained(HealthClassifier.KIND, SCOPE, params, model.metrics(), null, null,
                artifact));
        registry.activate(run.id());
        LOG.info("trained live health model v{} (cv accuracy {})", run.version(), model.metrics().get("cv_accuracy"));
        return new Loaded(model, registry.find(run.id()).orElse(run));
    }

    public record Loaded(HealthClassifier model, ModelRun run) {
        public String describe() {
            return run.kind() + "/" + run.scope() + " v" + run.version();
        }
    }
}
