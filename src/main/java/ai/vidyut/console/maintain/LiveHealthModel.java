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

    /** Columns {@code vidyut maintenance features} writes besides the features; not features themselves. */
    public static final List<String> ID_COLUMNS = List.of("site", "asset", "assetName", "kind", "asOf");

    /** The feature columns a live model must be trained on (the live service supplies exactly these). */
    public static List<String> featureColumns() {
        return ConditionScenarios.featureColumns();
    }

    /**
     * Checks that a site's labelled table can train a live model: its feature columns (all columns but the label and
     * the dropped ones) are exactly {@link #featureColumns()}, and its labels are live health states.
     *
     * @throws IllegalArgumentException saying what is missing, extra or unknown
     */
    public static void checkTrainingTable(Table table, String labelColumn, java.util.Collection<String> drop) {
        java.util.Set<String> dropped = new java.util.HashSet<>();
        for (String d : drop) {
            dropped.add(table.name(d));
        }
        String label = table.name(labelColumn);
        List<String> features = table.columns().stream().filter(c -> !c.equals(label) && !dropped.contains(c)).toList();
        List<String> missing = featureColumns().stream().filter(c -> !features.contains(c)).toList();
        List<String> extra = features.stream().filter(c -> !featureColumns().contains(c)).toList();
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalArgumentException("the columns do not match the live condition features"
                    + (missing.isEmpty() ? "" : "; missing: " + String.join(",", missing))
                    + (extra.isEmpty() ? "" : "; not live features (drop them with --drop): " + String.join(",", extra))
                    + " (write a table with `vidyut maintenance features`)");
        }
        String[] labels = table.text(label);
        for (int i = 0; i < labels.length; i++) {
            if (!labels[i].isEmpty() && !HealthStates.ALL.contains(labels[i])) {
                throw new IllegalArgumentException("line " + table.lineNumber(i) + ": label '" + labels[i]
                        + "' is not a live health state (one of " + String.join(", ", HealthStates.ALL) + ")");
            }
        }
    }

    public record Loaded(HealthClassifier model, ModelRun run) {
        public String describe() {
            return run.kind() + "/" + run.scope() + " v" + run.version();
        }
    }
}
