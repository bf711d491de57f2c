package ai.vidyut.console.cli;

import ai.vidyut.console.detect.AutoTraining;
import ai.vidyut.console.detect.DetectorParams;
import ai.vidyut.console.detect.eval.HistoryTraining;
import ai.vidyut.console.detect.eval.LabelledRun;
import ai.vidyut.console.detect.eval.SyntheticFaults;
import ai.vidyut.console.detect.eval.Training;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.registry.TrainingTasks;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.store.DataDir;
import ai.vidyut.console.store.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code vidyut models list|train|activate|compare|revert|best}: the model registry from the command line. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List, train, activate and compare versioned models in the registry.",
        subcommands = {ModelsCommand.List.class, ModelsCommand.Train.class, ModelsCommand.Activate.class,
                ModelsCommand.Compare.class, ModelsCommand.Revert.class, ModelsCommand.Best.class})
public final class ModelsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    VidyutCommand root;

    @Override
    public Integer call() {
        System.out.println("usage: vidyut models list|train|activate|compare|revert|best (see --help)");
        return 2;
    }

    ModelRegistry registry(Database db) {
        return new ModelRegistry(db, DataDir.modelsDir(root.dataDir()));
    }

    static Map<String, Object> json(ModelRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("kind", r.kind());
        m.put("scope", r.scope());
        m.put("version", r.version());
        m.put("status", r.status());
        m.put("active", r.active());
        m.put("createdAt", Instant.ofEpochMilli(r.createdAtMillis()).toString());
        m.put("trainFrom", r.trainFromMillis() == null ? null : Instant.ofEpochMilli(r.trainFromMillis()).toString());
        m.put("trainTo", r.trainToMillis() == null ? null : Instant.ofEpochMilli(r.trainToMillis()).toString());
        m.put("metrics", r.metrics());
        m.put("params", r.params());
        m.put("artifact", r.artifactPath());
        m.put("message", r.message());
        return m;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List training runs, newest first.")
    static final class List implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;
        @Option(names = "--kind", description = "Only this model kind (e.g. anomaly-ensemble).")
        String kind;
        @Option(names = "--scope", description = "Only this scope (e.g. global or site/asset/metric).")
        String scope;
        @Option(names = "--json", description = "One JSON array instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dataDir())) {
                java.util.List<ModelRun> runs = parent.registry(db).runs(kind, scope);
                if (json) {
                    java.util.List<Object> out = new ArrayList<>();
                    for (ModelRun r : runs) {
                        out.add(json(r));
                    }
                    System.out.println(JSON.writeValueAsString(out));
                    return 0;
                }
                System.out.printf(Locale.ROOT, "%-5s %-18s %-28s %-4s %-7s %-6s %-20s %s%n", "ID", "KIND", "SCOPE",
                        "VER", "STATUS", "ACTIVE", "CREATED", "METRICS");
                for (ModelRun r : runs) {
                    StringBuilder m = new StringBuilder();
                    r.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                            m.append(String.format(Locale.ROOT, "%s=%.4g ", e.getKey(), e.getValue())));
                    if (r.message() != null) {
                        m.append(r.message());
                    }
                    System.out.printf(Locale.ROOT, "%-5d %-18s %-28s %-4d %-7s %-6s %-20s %s%n", r.id(), r.kind(),
                            r.scope(), r.version(), r.status(), r.active() ? "*" : "",
                            Instant.ofEpochMilli(r.createdAtMillis()).toString().substring(0, 19), m.toString().trim());
                }
                return 0;
            }
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train the anomaly ensemble: random search on half the labelled runs, metrics on the "
                    + "other half; recorded in the registry. Without --input, trains on labelled synthetic faults. "
                    + "With --from-history, trains one stored series (or all) self-supervised from its own history.")
    static final class Train implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;
        @Option(names = "--input", description = "Labelled CSV file(s): timestamp, numeric columns, label column.")
        java.util.List<Path> inputs = new ArrayList<>();
        @Option(names = "--label-column", defaultValue = "anomaly", description = "Default: ${DEFAULT-VALUE}.")
        String labelColumn;
        @Option(names = "--scope", defaultValue = "global", description = "Registry scope (default: ${DEFAULT-VALUE}).")
        String scope;
        @Option(names = "--trials", defaultValue = "8", description = "Random-search trials (default: ${DEFAULT-VALUE}).")
        int trials;
        @Option(names = "--seed", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}.")
        long seed;
        @Option(names = "--search-forest", description = "Also search Isolation Forest parameters and allow the "
                + "forest and one-class SVM in the ensemble (slower).")
        boolean searchForest;
        @Option(names = "--activate", description = "Make the new run the active one of its scope (with "
                + "--from-history: even when it does not beat the active one).")
        boolean activate;
        @Option(names = "--from-history", paramLabel = "SITE/ASSET/METRIC|all", description = "Train from the stored "
                + "history of one series (scope SITE/ASSET/METRIC), or of every series with enough history: "
                + "synthetic faults injected into segments of it, search on half, measured against the active "
                + "parameters on the other half; activated when it beats them.")
        String fromHistory;

        @Override
        public Integer call() throws Exception {
            if (trials < 1) {
                throw new IllegalArgumentException("--trials must be at least 1");
            }
            if (fromHistory != null) {
                if (!inputs.isEmpty()) {
                    throw new IllegalArgumentException("--from-history and --input cannot be combined");
                }
                return fromHistory();
            }
            DetectorParams base = DetectorParams.shippedDefault();
            java.util.List<LabelledRun> runs = new ArrayList<>();
            if (inputs.isEmpty()) {
                runs.addAll(SyntheticFaults.suite(seed, 2, 2, 3));
            } else {
                for (Path p : inputs) {
                    runs.add(Training.labelled(p, labelColumn, base.trainSize()));
                }
            }
            try (Database db = Database.open(parent.root.dataDir())) {
                ModelRegistry registry = parent.registry(db);
                ModelRun run = Training.train(registry, runs, base,
                        new Training.Options(scope, trials, seed, searchForest), System.err::println);
                if (!ModelRun.TRAINED.equals(run.status())) {
                    throw new IllegalStateException("training failed (run " + run.id() + "): " + run.message());
                }
                if (activate) {
                    run = registry.activate(run.id());
                }
                System.out.println(JSON.writeValueAsString(json(run)));
                return 0;
            }
        }

        private int fromHistory() throws Exception {
            HistoryTraining.Options options = HistoryTraining.Options.defaults().withTrials(trials).withSeed(seed);
            try (Database db = Database.open(parent.root.dataDir())) {
                ModelRegistry registry = parent.registry(db);
                SiteStore sites = new SiteStore(db);
                ReadingStore readings = new ReadingStore(db, sites);
                // the automatic trainer's series list and history check, without its schedule (and retraining age)
                AutoTraining.Settings settings = new AutoTraining.Settings(options, Duration.ZERO, Duration.ofDays(1),
                        Duration.ZERO);
                java.util.List<SeriesKey> keys = new ArrayList<>();
                try (AutoTraining auto = new AutoTraining(readings, sites, registry, new TrainingTasks(), settings)) {
                    java.util.List<SeriesKey> stored = auto.storedSeries();
                    if (fromHistory.equals("all")) {
                        for (SeriesKey k : stored) {
                            if (auto.dueReason(k).isEmpty()) {
                                keys.add(k);
                            }
                        }
                        if (keys.isEmpty()) {
                            throw new IllegalArgumentException("no stored series has enough history (needs "
                                    + HistoryTraining.human(options.minHistory().toMillis()) + " and "
                                    + options.minReadings() + " readings); " + stored.size() + " series stored");
                        }
                    } else {
                        String[] parts = fromHistory.split("/", -1);
                        if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
                            throw new IllegalArgumentException("--from-history takes SITE/ASSET/METRIC or all, not '"
                                    + fromHistory + "'");
                        }
                        SeriesKey key = new SeriesKey(parts[0], parts[1], parts[2]);
                        if (!stored.contains(key)) {
                            throw new IllegalArgumentException("no stored series " + key);
                        }
                        keys.add(key);
                    }
                }
                java.util.List<ModelRun> runs = new ArrayList<>();
                java.util.List<String> failures = new ArrayList<>();
                for (SeriesKey key : keys) {
                    String[] last = {""};
                    ModelRun run = HistoryTraining.train(registry, readings, key, options, activate,
                            (f, m) -> progress(key.toString(), f, m, last));
                    runs.add(run);
                    if (!ModelRun.TRAINED.equals(run.status())) {
                        failures.add(key + ": " + run.message() + " (failed run " + run.id() + ")");
                    }
                }
                if (fromHistory.equals("all")) {
                    java.util.List<Object> out = new ArrayList<>();
                    for (ModelRun r : runs) {
                        out.add(json(r));
                    }
                    System.out.println(JSON.writeValueAsString(out));
                    if (!failures.isEmpty()) {
                        throw new IllegalStateException(failures.size() + " of " + runs.size()
                                + " trainings failed: " + String.join("; ", failures));
                    }
                    return 0;
                }
                ModelRun run = runs.get(0);
                if (!ModelRun.TRAINED.equals(run.status())) {
                    throw new IllegalStateException(run.message() + " (failed run " + run.id() + ")");
                }
                System.out.println(JSON.writeValueAsString(json(run)));
                return 0;
            }
        }
    }

    private static void progress(String scope, double fraction, String message, String[] last) {
        if (!message.equals(last[0])) {
            last[0] = message;
            System.err.printf(Locale.ROOT, "%s [%3.0f%%] %s%n", scope, 100 * fraction, message);
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Make a run the active one of its scope.")
    static final class Activate implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dataDir())) {
                ModelRun r = parent.registry(db).activate(id);
                System.out.println(JSON.writeValueAsString(json(r)));
                return 0;
            }
        }
    }

    @Command(name = "revert", mixinStandardHelpOptions = true,
            description = "Undo the latest activation of a scope (the previously active run becomes active).")
    static final class Revert implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;
        @Option(names = "--kind", defaultValue = Training.KIND, description = "Default: ${DEFAULT-VALUE}.")
        String kind;
        @Option(names = "--scope", defaultValue = "global", description = "Default: ${DEFAULT-VALUE}.")
        String scope;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dataDir())) {
                var now = parent.registry(db).revert(kind, scope);
                System.out.println(JSON.writeValueAsString(now.map(ModelsCommand::json).orElse(null)));
                return 0;
            }
        }
    }

    @Command(name = "best", mixinStandardHelpOptions = true,
            description = "The trained run of a scope with the best value of a metric (higher is better unless "
                    + "--lower-is-better); with --activate it becomes the active one.")
    static final class Best implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;
        @Option(names = "--kind", defaultValue = Training.KIND, description = "Default: ${DEFAULT-VALUE}.")
        String kind;
        @Option(names = "--scope", defaultValue = "global", description = "Default: ${DEFAULT-VALUE}.")
        String scope;
        @Option(names = "--metric", required = true, description = "Metric name as recorded (e.g. nab, f1).")
        String metric;
        @Option(names = "--lower-is-better", description = "Pick the smallest value (errors, losses).")
        boolean lowerIsBetter;
        @Option(names = "--activate", description = "Make the best run the active one of its scope.")
        boolean activate;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dataDir())) {
                ModelRegistry registry = parent.registry(db);
                ModelRun best = registry.best(kind, scope, metric, lowerIsBetter).orElseThrow(() -> {
                    java.util.List<ModelRun> runs = registry.runs(kind, scope);
                    Set<String> known = new java.util.TreeSet<>();
                    runs.stream().filter(r -> ModelRun.TRAINED.equals(r.status()))
                            .forEach(r -> known.addAll(r.metrics().keySet()));
                    return new IllegalArgumentException(runs.isEmpty()
                            ? "no " + kind + " runs in scope " + scope
                            : "no trained " + kind + " run in scope " + scope + " has metric '" + metric + "'"
                                    + (known.isEmpty() ? "" : " (recorded metrics: " + String.join(", ", known) + ")"));
                });
                if (activate && !best.active()) {
                    best = registry.activate(best.id());
                }
                System.out.println(JSON.writeValueAsString(json(best)));
                return 0;
            }
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, description = "Show runs side by side.")
    static final class Compare implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;
        @Parameters(paramLabel = "ID", arity = "2..*")
        java.util.List<Long> ids;
        @Option(names = "--json", description = "JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dataDir())) {
                ModelRegistry registry = parent.registry(db);
                java.util.List<ModelRun> runs = new ArrayList<>();
                for (long id : ids) {
                    runs.add(registry.find(id).orElseThrow(() -> new IllegalArgumentException("no model run " + id)));
                }
                if (json) {
                    java.util.List<Object> out = new ArrayList<>();
                    for (ModelRun r : runs) {
                        out.add(json(r));
                    }
                    System.out.println(JSON.writeValueAsString(out));
                    return 0;
                }
                Map<String, java.util.List<String>> rows = new LinkedHashMap<>();
                for (ModelRun r : runs) {
                    put(rows, "id", Long.toString(r.id()), runs.size());
                    put(rows, "kind", r.kind(), runs.size());
                    put(rows, "scope", r.scope(), runs.size());
                    put(rows, "version", Integer.toString(r.version()), runs.size());
                    put(rows, "status", r.status(), runs.size());
                    put(rows, "active", r.active() ? "yes" : "no", runs.size());
                }
                Set<String> metricNames = new LinkedHashSet<>();
                Set<String> paramNames = new LinkedHashSet<>();
                runs.forEach(r -> metricNames.addAll(new java.util.TreeSet<>(r.metrics().keySet())));
                runs.forEach(r -> paramNames.addAll(new java.util.TreeSet<>(r.params().keySet())));
                for (ModelRun r : runs) {
                    for (String m : metricNames) {
                        Double v = r.metrics().get(m);
                        put(rows, "metric." + m, v == null ? "" : String.format(Locale.ROOT, "%.4f", v), runs.size());
                    }
                    for (String p : paramNames) {
                        Object v = r.params().get(p);
                        put(rows, "param." + p, v == null ? "" : v.toString(), runs.size());
                    }
                }
                int w = rows.keySet().stream().mapToInt(String::length).max().orElse(10);
                for (Map.Entry<String, java.util.List<String>> e : rows.entrySet()) {
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + w + "s", e.getKey()));
                    for (String v : e.getValue()) {
                        line.append("  ").append(String.format(Locale.ROOT, "%-24s", v));
                    }
                    System.out.println(line.toString().stripTrailing());
                }
                return 0;
            }
        }

        private static void put(Map<String, java.util.List<String>> rows, String key, String value, int n) {
            rows.computeIfAbsent(key, k -> new ArrayList<>(n)).add(value);
        }
    }
}
