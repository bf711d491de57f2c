package ai.vidyut.console.cli;

import ai.vidyut.console.maintain.HealthClassifier;
import ai.vidyut.console.maintain.LiveHealthModel;
import ai.vidyut.console.maintain.MaintenanceItem;
import ai.vidyut.console.maintain.MaintenanceService;
import ai.vidyut.console.maintain.RulModel;
import ai.vidyut.console.maintain.Table;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.registry.NewRun;
import ai.vidyut.console.store.DataDir;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vidyut maintenance …}: remaining useful life, asset health and the maintenance plan. */
@Command(name = "maintenance", mixinStandardHelpOptions = true,
        description = "Predictive maintenance: train and apply remaining-life and asset-health models, "
                + "and compute the maintenance plan from stored history.",
        subcommands = {
                MaintenanceCommand.TrainRul.class,
                MaintenanceCommand.PredictRul.class,
                MaintenanceCommand.TrainHealth.class,
                MaintenanceCommand.PredictHealth.class,
                MaintenanceCommand.Plan.class,
                MaintenanceFeatures.class
        })
public final class MaintenanceCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    VidyutCommand root;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "missing subcommand: train-rul, predict-rul, train-health, predict-health or plan");
    }

    static List<String> columns(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        return Arrays.stream(spec.split(",")).map(String::strip).toList();
    }

    static String scopeOf(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return "cli/" + (dot > 0 ? name.substring(0, dot) : name);
    }

    static Writer open(Path output) throws IOException {
        if (output == null) {
            return new PrintWriter(System.out, false, StandardCharsets.UTF_8) {
                @Override
                public void close() {
                    flush();
                }
            };
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String prob(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Records a trained model (or the reason it failed) in the model registry. */
    static ModelRun record(Path dataDir, NewRun run) {
        try (Database db = Database.open(dataDir)) {
            return new ModelRegistry(db, DataDir.modelsDir(dataDir)).record(run);
        }
    }

    @Command(name = "train-rul", mixinStandardHelpOptions = true,
            description = "Train a remaining-useful-life model on run-to-failure histories (one row per unit and time "
                    + "step; a unit fails at its last time value). Prints a JSON summary.")
    static final class TrainRul implements Callable<Integer> {
        @ParentCommand
        MaintenanceCommand parent;

        @Option(names = "--input", required = true, paramLabel = "FILE",
                description = "Comma- or whitespace-separated run-to-failure data; header optional.")
        Path input;
        @Option(names = "--id", required = true, paramLabel = "COLUMN", description = "Unit id column.")
        String id;
        @Option(names = "--time", required = true, paramLabel = "COLUMN", description = "Time/cycle column.")
        String time;
        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Model file to write.")
        Path output;
        @Option(names = "--columns", paramLabel = "NAME,...", description = "Column names of a header-less input.")
        String columns;
        @Option(names = "--cap", defaultValue = "125", description = "Cap on remaining life (default ${DEFAULT-VALUE}).")
        double cap;
        @Option(names = "--trees", defaultValue = "200",
                description = "Boosted trees of the point model (the quantile models get half). Default ${DEFAULT-VALUE}.")
        int trees;
        @Option(names = "--no-validate", negatable = false,
                description = "Skip the held-out-units validation (faster; the registry then has training RMSE only).")
        boolean noValidate;

        @Override
        public Integer call() throws Exception {
            Path dataDir = parent.root.dataDir();
            String scope = scopeOf(output);
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("input", input.toString());
            params.put("id", id);
            params.put("time", time);
            params.put("cap", cap);
            RulModel.Options d = RulModel.Options.defaults();
            params.put("trees", trees);
            RulModel.Options options = new RulModel.Options(cap, trees, Math.max(10, trees / 2), d.maxNodes(),
                    d.shrinkage(), d.subsample(), d.lowerQuantile(), d.upperQuantile(), true, d.rowStride());
            RulModel model;
            Map<String, Double> metrics = new LinkedHashMap<>();
            try {
                Table table = Table.read(input, columns(columns));
                if (!noValidate) {
                    metrics.putAll(RulModel.holdoutMetrics(table, id, time, options, 42));
                }
                model = RulModel.train(table, id, time, options);
                metrics.putAll(model.metrics());
                model.save(output);
            } catch (IllegalArgumentException e) {
                record(dataDir, NewRun.failed(RulModel.KIND, scope, params, e.getMessage()));
                throw e;
            }
            params.put("signals", model.signals());
            ModelRun run = ModelArtifacts.recordCopy(dataDir, RulModel.KIND, scope, "rul", params, metrics, null, null,
                    output, false);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", output.toString());
            out.put("kind", RulModel.KIND);
            out.put("scope", scope);
            out.put("version", run.version());
            out.put("runId", run.id());
            out.put("signals", model.signals());
            out.put("metrics", metrics);
            System.out.println(JSON.writeValueAsString(out));
            return 0;
        }
    }

    @Command(name = "predict-rul", mixinStandardHelpOptions = true,
            description = "Remaining useful life of every unit at its last observation: CSV unit,rul,lower,upper "
                    + "(lower/upper: the model's 10th and 90th percentiles).")
    static final class PredictRul implements Callable<Integer> {
        @Option(names = "--model", required = true, paramLabel = "FILE")
        Path modelFile;
        @Option(names = "--input", required = true, paramLabel = "FILE",
                description = "Histories in the training format (header optional).")
        Path input;
        @Option(names = "--output", paramLabel = "FILE", description = "CSV to write (default: standard output).")
        Path output;
        @Option(names = "--columns", paramLabel = "NAME,...", description = "Column names of a header-less input.")
        String columns;
        @Option(names = "--usage-per-day", paramLabel = "R",
                description = "Time units (cycles) the units run per day; adds the columns "
                        + "predictedFailureDate,daysUntilMaintenance.")
        Double usagePerDay;
        @Option(names = "--as-of", paramLabel = "INSTANT",
                description = "Date of the last observation (ISO-8601; default: now). Needs --usage-per-day.")
        Instant asOf;

        @Override
        public Integer call() throws Exception {
            RulDates dates = RulDates.of(usagePerDay, asOf);
            RulModel model = RulModel.load(modelFile);
            Table table = Table.read(input, columns(columns));
            List<RulModel.UnitEstimate> estimates = model.predictLast(table);
            try (Writer w = open(output)) {
                w.write("unit,rul,lower,upper" + (dates == null ? "" : "," + RulDates.HEADER) + "\n");
                for (RulModel.UnitEstimate e : estimates) {
                    w.write(e.unit() + "," + num(e.rul()) + "," + num(e.lower()) + "," + num(e.upper())
                            + (dates == null ? "" : "," + dates.columns(e.rul(), e.lower(), e.upper())) + "\n");
                }
            }
            if (output != null) {
                System.err.println(estimates.size() + " units written to " + output);
            }
            return 0;
        }
    }

    @Command(name = "train-health", mixinStandardHelpOptions = true,
            description = "Train an asset-health classifier on a labelled table. Prints a JSON summary with the "
                    + "inner cross-validation metrics.")
    static final class TrainHealth implements Callable<Integer> {
        @ParentCommand
        MaintenanceCommand parent;

        @Option(names = "--input", required = true, paramLabel = "FILE")
        Path input;
        @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "Health state / fault column.")
        String label;
        @Option(names = "--drop", split = ",", paramLabel = "COL", description = "Columns not to use as features.")
        List<String> drop = new ArrayList<>();
        @Option(names = "--output", required = true, paramLabel = "FILE")
        Path output;
        @Option(names = "--columns", paramLabel = "NAME,...", description = "Column names of a header-less input.")
        String columns;
        @Option(names = "--learner", defaultValue = "AUTO",
                description = "random_forest, gradient_boosting or auto (chosen by inner CV; default).")
        HealthClassifier.Learner learner;
        @Option(names = "--trees", defaultValue = "300")
        int trees;
        @Option(names = "--no-interactions", negatable = false,
                description = "Do not add pairwise products/differences of numeric columns.")
        boolean noInteractions;
        @Option(names = "--live", negatable = false,
                description = "Train the live condition model from a labelled `maintenance features` table: checks "
                        + "the columns are the live features, records under scope live-condition and activates it.")
        boolean live;
        @Option(names = "--derive", paramLabel = "NAME=EXPR",
                description = "Add a feature column computed from others, e.g. power_w=torque*rpm*0.10472 "
                        + "(repeatable; + - * / ^, comparisons, log exp sqrt abs min max if(c,a,b), "
                        + "`quoted column names`, 'text' == column). Stored with the model.")
        List<String> derive = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Path dataDir = parent.root.dataDir();
            String scope = live ? LiveHealthModel.SCOPE : scopeOf(output);
            Long[] window = {null, null};
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("input", input.toString());
            params.put("label", label);
            params.put("drop", drop);
            params.put("learner", learner.name());
            params.put("trees", trees);
            params.put("interactions", !noInteractions);
            if (!derive.isEmpty()) {
                params.put("derive", derive);
            }
            HealthClassifier model;
            try {
                Table table = Table.read(input, columns(columns));
                if (live) {
                    drop = MaintenanceFeatures.liveDrops(table, label, drop);
                    window = MaintenanceFeatures.window(table);
                    params.put("drop", drop);
                    params.put("source", "labelled live condition features");
                }
                HealthClassifier.Options d = HealthClassifier.Options.defaults();
                model = HealthClassifier.train(table, label, drop, new HealthClassifier.Options(learner, trees,
                        !noInteractions, d.innerFolds(), d.tuneThreshold(), d.seed(), derive));
                model.save(output);
            } catch (IllegalArgumentException e) {
                record(dataDir, NewRun.failed(HealthClassifier.KIND, scope, params, e.getMessage()));
                throw e;
            }
            params.put("chosenLearner", model.learner().name());
            params.put("classes", model.classes());
            params.put("features", model.inputColumns());
            ModelRun run = ModelArtifacts.recordCopy(dataDir, HealthClassifier.KIND, scope, "health", params,
                    model.metrics(), window[0], window[1], output, live);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", output.toString());
            out.put("kind", HealthClassifier.KIND);
            out.put("scope", scope);
            out.put("version", run.version());
            out.put("runId", run.id());
            out.put("classes", model.classes());
            out.put("positiveClass", model.positiveClass());
            out.put("learner", model.learner().name());
            out.put("metrics", model.metrics());
            out.put("active", run.active());
            System.out.println(JSON.writeValueAsString(out));
            return 0;
        }
    }

    @Command(name = "predict-health", mixinStandardHelpOptions = true,
            description = "Classify every row: CSV row,label,probability (row is the 1-based data row; for a binary "
                    + "label the probability is that of the positive class, else of the predicted class).")
    static final class PredictHealth implements Callable<Integer> {
        @Option(names = "--model", required = true, paramLabel = "FILE")
        Path modelFile;
        @Option(names = "--input", required = true, paramLabel = "FILE")
        Path input;
        @Option(names = "--output", paramLabel = "FILE", description = "CSV to write (default: standard output).")
        Path output;
        @Option(names = "--columns", paramLabel = "NAME,...", description = "Column names of a header-less input.")
        String columns;

        @Override
        public Integer call() throws Exception {
            HealthClassifier model = HealthClassifier.load(modelFile);
            Table table = Table.read(input, columns(columns));
            List<HealthClassifier.Prediction> predictions = model.predict(table);
            boolean binary = model.positiveClass() != null;
            try (Writer w = open(output)) {
                w.write("row,label,probability\n");
                for (int i = 0; i < predictions.size(); i++) {
                    HealthClassifier.Prediction p = predictions.get(i);
                    w.write((i + 1) + "," + csv(p.label()) + "," + prob(binary ? p.positiveProbability()
                            : p.probability()) + "\n");
                }
            }
            if (output != null) {
                System.err.println(predictions.size() + " rows written to " + output);
            }
            return 0;
        }

        private static String csv(String s) {
            return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Assess every asset with vibration/temperature/current history, refresh and store the "
                    + "maintenance plan, and print it as CSV (most urgent first).")
    static final class Plan implements Callable<Integer> {
        @ParentCommand
        MaintenanceCommand parent;

        @Option(names = "--site", paramLabel = "ID", description = "Site to plan (default: every site).")
        String site;
        @Option(names = "--as-of", paramLabel = "INSTANT",
                description = "Assess the history up to this time (ISO-8601; default: each site's latest reading).")
        Instant asOf;

        @Override
        public Integer call() throws Exception {
            Path dataDir = parent.root.dataDir();
            try (Database db = Database.open(dataDir)) {
                SiteStore sites = new SiteStore(db);
                ReadingStore readings = new ReadingStore(db, sites);
                ModelRegistry registry = new ModelRegistry(db, DataDir.modelsDir(dataDir));
                LiveHealthModel.Loaded health = LiveHealthModel.loadOrTrain(registry);
                MaintenanceService service = new MaintenanceService(db, sites, readings, health.model(),
                        health.describe(), MaintenanceService.Settings.defaults(), Clock.systemUTC());
                List<String> siteIds = site != null ? List.of(site)
                        : sites.sites().stream().map(ai.vidyut.console.telemetry.Site::id).toList();
                if (site != null && sites.site(site).isEmpty()) {
                    throw new IllegalArgumentException("unknown site: " + site);
                }
                List<MaintenanceItem> all = new ArrayList<>();
                for (String id : siteIds) {
                    Instant at = asOf != null ? asOf : service.latestReading(id);
                    if (at == null) {
                        continue;
                    }
                    all.addAll(service.refresh(id, at));
                }
                all.sort(MaintenanceItem.URGENCY);
                StringWriter sw = new StringWriter();
                sw.write("site,asset,assetName,type,priority,predictedFailureDate,daysUntilMaintenance,confidence,"
                        + "healthState,recommendation\n");
                for (MaintenanceItem i : all) {
                    sw.write(String.join(",", i.siteId(), i.assetId(), quote(i.assetName()), i.type().wireName(),
                            i.priority().wireName(), i.predictedFailureDay() == null ? "" : i.predictedFailureDay().toString(),
                            Integer.toString(i.daysUntilMaintenance()), String.format(Locale.ROOT, "%.3f", i.confidence()),
                            i.healthState(), quote(i.recommendation())));
                    sw.write("\n");
                }
                System.out.print(sw);
            }
            return 0;
        }

        private static String quote(String s) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
    }
}
