package ai.vidyut.console.cli;

import ai.vidyut.console.maintain.HealthClassifier;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.store.DataDir;
import ai.vidyut.console.store.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The stable CLI contracts of {@code vidyut maintenance}: options, row counts and output shapes. */
class MaintenanceCommandTest {

    @TempDir
    static Path dir;
    static Path dataDir;
    static Path rulModel;

    static Cli.Result run(String... args) {
        return Cli.run(dataDir, args);
    }

    /** Run-to-failure histories: unit, cycle, three wear sensors and a constant one. */
    static String fleet(int units, long seed, String sep, boolean header, boolean truncate) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder();
        if (header) {
            sb.append(String.join(sep, "unit", "cycle", "temp", "vib", "pressure", "constant")).append('\n');
        }
        for (int u = 1; u <= units; u++) {
            int life = 80 + rnd.nextInt(60);
            int last = truncate ? 20 + rnd.nextInt(life - 25) : life;
            for (int c = 1; c <= last; c++) {
                double w = (double) c / life;
                sb.append(String.format(Locale.ROOT, "%d%s%d%s%.3f%s%.3f%s%.3f%s100%n", u, sep, c, sep,
                        640 + 6 * w * w + 0.3 * rnd.nextGaussian(), sep, 2 + 3 * w + 0.1 * rnd.nextGaussian(), sep,
                        47 - 2 * w + 0.1 * rnd.nextGaussian(), sep));
            }
        }
        return sb.toString();
    }

    @BeforeAll
    static void trainOnce() throws Exception {
        dataDir = dir.resolve("data");
        Path train = dir.resolve("train.csv");
        Files.writeString(train, fleet(12, 1, ",", true, false));
        rulModel = dir.resolve("model.rul");
        Cli.Result r = run("maintenance", "train-rul", "--input", train.toString(), "--id", "unit", "--time", "cycle",
                "--output", rulModel.toString(), "--trees", "60");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"kind\":\"maintenance-rul\"").contains("holdout_rmse");
    }

    @Test
    void trainRulRecordsTheModelInTheRegistry() {
        try (Database db = Database.open(dataDir)) {
            List<ModelRun> runs = new ModelRegistry(db, DataDir.modelsDir(dataDir)).runs("maintenance-rul", "cli/model");
            assertThat(runs).isNotEmpty();
            assertThat(runs.get(0).status()).isEqualTo(ModelRun.TRAINED);
            assertThat(runs.get(0).metrics()).containsKeys("train_rmse", "holdout_rmse", "holdout_phm08");
        }
        assertThat(Path.of(rulModel + ".json")).exists();
    }

    @Test
    void predictRulWritesOneRowPerUnitForHeaderAndHeaderlessInput() throws Exception {
        Path withHeader = dir.resolve("test-header.csv");
        Files.writeString(withHeader, fleet(5, 2, ",", true, true));
        Path out1 = dir.resolve("rul1.csv");
        Cli.Result r1 = run("maintenance", "predict-rul", "--model", rulModel.toString(), "--input", withHeader.toString(),
                "--output", out1.toString());
        assertThat(r1.exitCode()).as(r1.err()).isZero();
        List<String> lines = Files.readAllLines(out1);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("unit,rul,lower,upper");
        assertThat(lines.subList(1, 6)).extracting(l -> l.split(",")[0]).containsExactly("1", "2", "3", "4", "5");
        for (String l : lines.subList(1, 6)) {
            String[] f = l.split(",");
            assertThat(f).hasSize(4);
            double rul = Double.parseDouble(f[1]);
            assertThat(Double.parseDouble(f[2])).isLessThanOrEqualTo(rul);
            assertThat(Double.parseDouble(f[3])).isGreaterThanOrEqualTo(rul);
        }

        // the same data, whitespace-separated without a header: --columns names them; same answers
        Path headerless = dir.resolve("test.txt");
        Files.writeString(headerless, fleet(5, 2, " ", false, true).replace("\n", "  \n"));
        Path out2 = dir.resolve("rul2.csv");
        Cli.Result r2 = run("maintenance", "predict-rul", "--model", rulModel.toString(), "--input", headerless.toString(),
                "--columns", "unit,cycle,temp,vib,pressure,constant", "--output", out2.toString());
        assertThat(r2.exitCode()).as(r2.err()).isZero();
        assertThat(Files.readAllLines(out2)).isEqualTo(lines);
    }

    @Test
    void trainRulFromWhitespaceSeparatedHeaderlessInput() throws Exception {
        Path train = dir.resolve("train.txt");
        Files.writeString(train, fleet(6, 3, " ", false, false));
        Cli.Result r = run("maintenance", "train-rul", "--input", train.toString(), "--columns",
                "unit,cycle,temp,vib,pressure,constant", "--id", "unit", "--time", "cycle", "--output",
                dir.resolve("ws.rul").toString(), "--no-validate", "--trees", "40");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"signals\":[\"temp\",\"vib\",\"pressure\"]");
    }

    @Test
    void badInputIsReportedWithItsLineNumber() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "unit,cycle,temp\n1,1,640\n1,2,oops\n2,1,641\n2,2,642\n");
        Cli.Result r = run("maintenance", "train-rul", "--input", bad.toString(), "--id", "unit", "--time", "cycle",
                "--output", dir.resolve("bad.rul").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("error:");
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "unit,cycle,temp\n1,1,640\n1,2\n");
        Cli.Result r2 = run("maintenance", "predict-rul", "--model", rulModel.toString(), "--input", ragged.toString());
        assertThat(r2.exitCode()).isEqualTo(1);
        assertThat(r2.err()).contains("line 3");
        Cli.Result r3 = run("maintenance", "predict-health", "--model", rulModel.toString(), "--input", ragged.toString());
        assertThat(r3.exitCode()).isEqualTo(1);
        assertThat(r3.err()).contains("not a maintenance-health model");
    }

    static String labelled(int n, long seed, String sep, boolean header) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder();
        if (header) {
            sb.append(String.join(sep, "id", "temp", "vib", "failure")).append('\n');
        }
        for (int i = 0; i < n; i++) {
            boolean f = i % 4 == 0;
            sb.append(String.format(Locale.ROOT, "%d%s%.3f%s%.3f%s%d%n", i, sep, 50 + 4 * rnd.nextGaussian() + (f ? 12 : 0),
                    sep, 2 + 0.3 * rnd.nextGaussian() + (f ? 1.5 : 0), sep, f ? 1 : 0));
        }
        return sb.toString();
    }

    @Test
    void trainAndPredictHealthWriteOneRowPerInputRow() throws Exception {
        Path train = dir.resolve("labelled.csv");
        Files.writeString(train, labelled(200, 4, ",", true));
        Path model = dir.resolve("model.health");
        Cli.Result t = run("maintenance", "train-health", "--input", train.toString(), "--label", "failure", "--drop", "id",
                "--output", model.toString(), "--trees", "60");
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("\"positiveClass\":\"1\"").contains("cv_f1");
        try (Database db = Database.open(dataDir)) {
            assertThat(new ModelRegistry(db, DataDir.modelsDir(dataDir)).runs("maintenance-health", "cli/model"))
                    .isNotEmpty();
        }

        Path data = dir.resolve("data.csv");
        Files.writeString(data, labelled(40, 5, ",", true));
        Path out = dir.resolve("health.csv");
        Cli.Result p = run("maintenance", "predict-health", "--model", model.toString(), "--input", data.toString(),
                "--output", out.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(41);
        assertThat(lines.get(0)).isEqualTo("row,label,probability");
        int right = 0;
        for (int i = 1; i <= 40; i++) {
            String[] f = lines.get(i).split(",");
            assertThat(f[0]).isEqualTo(Integer.toString(i));
            double prob = Double.parseDouble(f[2]);
            assertThat(prob).isBetween(0.0, 1.0);
            boolean faulty = (i - 1) % 4 == 0;
            if (f[1].equals(faulty ? "1" : "0")) {
                right++;
            }
            // binary label: the probability is that of the positive class, high for rows called faulty
            if (f[1].equals("1")) {
                assertThat(prob).isGreaterThan(0.2);
            }
        }
        assertThat(right).isGreaterThanOrEqualTo(36);

        // whitespace-separated, no header, columns named; same predictions; to stdout
        Path ws = dir.resolve("data.txt");
        Files.writeString(ws, labelled(40, 5, "\t", false));
        Cli.Result p2 = run("maintenance", "predict-health", "--model", model.toString(), "--input", ws.toString(),
                "--columns", "id,temp,vib,failure");
        assertThat(p2.exitCode()).as(p2.err()).isZero();
        assertThat(p2.out().lines().toList()).isEqualTo(lines);
    }

    @Test
    void planRefreshesTheStoredPlanAndPrintsItMostUrgentFirst() throws Exception {
        Path planData = dir.resolve("plan-data");
        java.time.Instant end = java.time.Instant.parse("2026-06-10T00:00:00Z");
        try (Database db = Database.open(planData)) {
            var sites = new ai.vidyut.console.store.SiteStore(db);
            var readings = new ai.vidyut.console.store.ReadingStore(db, sites);
            var profile = ai.vidyut.console.simulate.SiteProfile.standard(1);
            sites.saveSite(profile.site());
            profile.assets().forEach(sites::saveAsset);
            var sim = new ai.vidyut.console.simulate.SiteSimulator(profile, 3, List.of(
                    ai.vidyut.console.simulate.Fault.of(ai.vidyut.console.simulate.SiteProfile.PUMP,
                            ai.vidyut.console.simulate.FaultType.RISING_VIBRATION, end.minusSeconds(86_400),
                            end.plusSeconds(86_400))));
            readings.append(sim.readings(end.minusSeconds(2 * 86_400).toEpochMilli(), end.toEpochMilli(), 30 * 60_000L));
        }
        Path saved = dataDir;
        dataDir = planData;
        try {
            Cli.Result r = run("maintenance", "plan", "--site", "site-1");
            assertThat(r.exitCode()).as(r.err()).isZero();
            List<String> lines = r.out().lines().toList();
            assertThat(lines.get(0)).isEqualTo("site,asset,assetName,type,priority,predictedFailureDate,"
                    + "daysUntilMaintenance,confidence,healthState,recommendation");
            assertThat(lines).hasSizeGreaterThan(1);
            assertThat(lines.get(1)).startsWith("site-1,pump-1,").contains("vibration");
            // the live model was trained once and recorded; the plan is stored
            try (Database db = Database.open(planData)) {
                assertThat(new ModelRegistry(db, DataDir.modelsDir(planData)).active("maintenance-health",
                        "live-condition")).isPresent();
                assertThat(new ai.vidyut.console.maintain.PlanStore(db).plan("site-1").get(0).assetId())
                        .isEqualTo("pump-1");
            }
            Cli.Result unknown = run("maintenance", "plan", "--site", "nowhere");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.err()).contains("unknown site");
        } finally {
            dataDir = saved;
        }
    }

    @Test
    void aModelThatCannotBeTrainedSaysWhyAndIsRecordedAsFailed() throws Exception {
        Path one = dir.resolve("oneclass.csv");
        Files.writeString(one, "x,y\n1,ok\n2,ok\n3,ok\n");
        Cli.Result r = run("maintenance", "train-health", "--input", one.toString(), "--label", "y", "--output",
                dir.resolve("oneclass.health").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("single class");
        try (Database db = Database.open(dataDir)) {
            List<ModelRun> runs = new ModelRegistry(db, DataDir.modelsDir(dataDir)).runs("maintenance-health",
                    "cli/oneclass");
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).status()).isEqualTo(ModelRun.FAILED);
        }
    }

    @Test
    void trainHealthDerivesColumnsStoresThemWithTheModelAndReportsBadExpressions() throws Exception {
        // the label is "power above a limit": power = torque × speed, not learnable from either column alone
        java.util.Random rnd = new java.util.Random(9);
        StringBuilder sb = new StringBuilder("id,torque,speed,failure\n");
        StringBuilder test = new StringBuilder("id,torque,speed\n");
        for (int i = 0; i < 260; i++) {
            double torque = 10 + 50 * rnd.nextDouble();
            double speed = 1000 + 2000 * rnd.nextDouble();
            String row = String.format(Locale.ROOT, "%d,%.2f,%.1f", i, torque, speed);
            if (i < 200) {
                sb.append(row).append(',').append(torque * speed > 60_000 ? 1 : 0).append('\n');
            } else {
                test.append(row).append('\n');
            }
        }
        Path train = dir.resolve("power.csv");
        Files.writeString(train, sb.toString());
        Path model = dir.resolve("power.health");
        Cli.Result t = run("maintenance", "train-health", "--input", train.toString(), "--label", "failure", "--drop", "id",
                "--output", model.toString(), "--trees", "40", "--learner", "random_forest", "--no-interactions",
                "--derive", "power=torque*speed", "--derive", "kpower=power/1000");
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("\"derived\":2.0");
        HealthClassifier loaded = HealthClassifier.load(model);
        assertThat(loaded.derivedColumns()).containsExactly("power=torque*speed", "kpower=power/1000");
        assertThat(loaded.metrics().get("cv_f1")).isGreaterThan(0.9);

        // prediction input has only the raw columns; the model derives the rest
        Path data = dir.resolve("power-test.csv");
        Files.writeString(data, test.toString());
        Cli.Result p = run("maintenance", "predict-health", "--model", model.toString(), "--input", data.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        List<String> lines = p.out().lines().toList();
        assertThat(lines).hasSize(61);
        int right = 0;
        String[] rows = test.toString().split("\n");
        for (int i = 1; i <= 60; i++) {
            String[] in = rows[i].split(",");
            boolean fails = Double.parseDouble(in[1]) * Double.parseDouble(in[2]) > 60_000;
            right += lines.get(i).split(",")[1].equals(fails ? "1" : "0") ? 1 : 0;
        }
        assertThat(right).isGreaterThanOrEqualTo(56);

        Cli.Result bad = run("maintenance", "train-health", "--input", train.toString(), "--label", "failure", "--output",
                dir.resolve("bad.health").toString(), "--derive", "p=torque*(speed");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("derived column 'p'").contains("closing brace not found");
        Cli.Result unknown = run("maintenance", "train-health", "--input", train.toString(), "--label", "failure",
                "--output", dir.resolve("bad.health").toString(), "--derive", "p=torque*rpm");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("uses column 'rpm'");
    }
}
