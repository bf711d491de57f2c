package ai.vidyut.console.cli;

import ai.vidyut.console.maintain.HealthClassifier;
import ai.vidyut.console.maintain.LiveHealthModel;
import ai.vidyut.console.maintain.MaintenanceService;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.simulate.Fault;
import ai.vidyut.console.simulate.FaultType;
import ai.vidyut.console.simulate.SiteProfile;
import ai.vidyut.console.simulate.SiteSimulator;
import ai.vidyut.console.store.DataDir;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extensions of {@code vidyut maintenance}: predict-rul's calendar columns with {@code --usage-per-day}, and
 * {@code features} → label → {@code train-health --live} putting a site's own model into the live service.
 */
class MaintenanceDatesAndLiveCommandTest {

    @TempDir
    static Path dir;
    static Path dataDir;
    static Path rulModel;

    static Cli.Result run(String... args) {
        return Cli.run(dataDir, args);
    }

    @BeforeAll
    static void trainOnce() throws Exception {
        dataDir = dir.resolve("data");
        Path train = dir.resolve("train.csv");
        Files.writeString(train, MaintenanceCommandTest.fleet(12, 1, ",", true, false));
        rulModel = dir.resolve("model.rul");
        Cli.Result r = run("maintenance", "train-rul", "--input", train.toString(), "--id", "unit", "--time", "cycle",
                "--output", rulModel.toString(), "--trees", "40", "--no-validate");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void predictRulAddsFailureDateAndDaysOnlyWithAUsageRate() throws Exception {
        Path test = dir.resolve("test.csv");
        Files.writeString(test, MaintenanceCommandTest.fleet(4, 2, ",", true, true));
        Cli.Result plain = run("maintenance", "predict-rul", "--model", rulModel.toString(), "--input", test.toString());
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        List<String> base = plain.out().lines().toList();
        assertThat(base).hasSize(5);
        assertThat(base.get(0)).isEqualTo("unit,rul,lower,upper");
        assertThat(base.subList(1, 5)).allSatisfy(l -> assertThat(l.split(",")).hasSize(4));

        Instant asOf = Instant.parse("2026-01-01T00:00:00Z");
        Cli.Result dated = run("maintenance", "predict-rul", "--model", rulModel.toString(), "--input", test.toString(),
                "--usage-per-day", "2.5", "--as-of", asOf.toString());
        assertThat(dated.exitCode()).as(dated.err()).isZero();
        List<String> lines = dated.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("unit,rul,lower,upper,predictedFailureDate,daysUntilMaintenance");
        for (int i = 1; i < 5; i++) {
            String[] f = lines.get(i).split(",");
            assertThat(f).hasSize(6);
            // the existing columns are unchanged
            assertThat(String.join(",", List.of(f).subList(0, 4))).isEqualTo(base.get(i));
            double rul = Double.parseDouble(f[1]);
            double lower = Double.parseDouble(f[2]);
            Instant failure = Instant.parse(f[4]);
            double days = Duration.between(asOf, failure).toSeconds() / 86_400.0;
            assertThat(days).isCloseTo(rul / 2.5, org.assertj.core.api.Assertions.within(0.01));
            assertThat(Integer.parseInt(f[5])).isEqualTo((int) Math.floor(lower / 2.5 + 1e-9));
        }

        Cli.Result bad = run("maintenance", "predict-rul", "--model", rulModel.toString(), "--input", test.toString(),
                "--usage-per-day", "0");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("--usage-per-day");
        Cli.Result orphan = run("maintenance", "predict-rul", "--model", rulModel.toString(), "--input", test.toString(),
                "--as-of", asOf.toString());
        assertThat(orphan.exitCode()).isEqualTo(1);
        assertThat(orphan.err()).contains("--as-of needs --usage-per-day");
    }

    @Test
    void trainedModelsAreCopiedIntoTheModelsFolderSoMovingTheUsersFileBreaksNothing() throws Exception {
        try (Database db = Database.open(dataDir)) {
            ModelRegistry registry = new ModelRegistry(db, DataDir.modelsDir(dataDir));
            ModelRun run = registry.runs("maintenance-rul", "cli/model").get(0);
            Path artifact = Path.of(run.artifactPath());
            assertThat(artifact.toAbsolutePath().normalize())
                    .startsWith(DataDir.modelsDir(dataDir).toAbsolutePath().normalize());
            assertThat(artifact).isNotEqualTo(rulModel.toAbsolutePath());
            assertThat(Path.of(artifact + ".json")).exists();
            assertThat(Path.of(rulModel + ".json")).exists();
            Path moved = dir.resolve("moved.rul");
            Path copy = dir.resolve("copy.rul");
            Files.copy(rulModel, copy);
            Files.move(copy, moved);
            assertThat(Files.readAllBytes(artifact)).isEqualTo(Files.readAllBytes(rulModel));
            assertThat(ai.vidyut.console.maintain.RulModel.load(artifact).signals()).isNotEmpty();
        }
    }

    @Test
    void aSitesLabelledFeaturesBecomeTheActiveLiveModel() throws Exception {
        Path siteData = dir.resolve("live-data");
        Instant end = Instant.parse("2026-06-10T00:00:00Z");
        Instant faultStart = end.minus(Duration.ofHours(36));
        try (Database db = Database.open(siteData)) {
            var sites = new SiteStore(db);
            var readings = new ReadingStore(db, sites);
            var profile = SiteProfile.standard(1);
            sites.saveSite(profile.site());
            profile.assets().forEach(sites::saveAsset);
            var sim = new SiteSimulator(profile, 3, List.of(
                    Fault.of(SiteProfile.PUMP, FaultType.RISING_VIBRATION, faultStart, end.plus(Duration.ofDays(1))),
                    Fault.of(SiteProfile.INVERTER, FaultType.OVERHEATING, faultStart, end.plus(Duration.ofDays(1)))));
            readings.append(sim.readings(end.minus(Duration.ofDays(4)).toEpochMilli(), end.toEpochMilli(),
                    20 * 60_000L));
        }
        Path saved = dataDir;
        dataDir = siteData;
        try {
            // the engineer exports features at several times and labels them
            StringBuilder labelled = new StringBuilder();
            int rows = 0;
            for (int h = 60; h >= 0; h -= 12) {
                Instant at = end.minus(Duration.ofHours(h));
                Path f = dir.resolve("features-" + h + ".csv");
                Cli.Result r = run("maintenance", "features", "--site", "site-1", "--as-of", at.toString(),
                        "--output", f.toString());
                assertThat(r.exitCode()).as(r.err()).isZero();
                List<String> lines = Files.readAllLines(f);
                List<String> header = List.of(lines.get(0).split(",", -1));
                assertThat(header.subList(0, 5)).containsExactly("site", "asset", "assetName", "kind", "asOf");
                assertThat(header.subList(5, header.size() - 1))
                        .containsExactlyElementsOf(LiveHealthModel.featureColumns());
                assertThat(header.get(header.size() - 1)).isEqualTo("label");
                assertThat(lines).hasSizeGreaterThan(2);
                if (labelled.length() == 0) {
                    labelled.append(lines.get(0)).append('\n');
                }
                for (String line : lines.subList(1, lines.size())) {
                    assertThat(line.split(",", -1)).hasSize(header.size());
                    String asset = line.split(",", -1)[1];
                    boolean faulty = at.isAfter(faultStart.plus(Duration.ofHours(6)));
                    String label = faulty && asset.equals(SiteProfile.PUMP) ? "vibration_fault"
                            : faulty && asset.equals(SiteProfile.INVERTER) ? "overheating" : "healthy";
                    labelled.append(line).append(label).append('\n');
                    rows++;
                }
            }
            assertThat(rows).isGreaterThanOrEqualTo(12);
            Path table = dir.resolve("labelled-live.csv");
            Files.writeString(table, labelled);

            long before;
            try (Database db = Database.open(siteData)) {
                before = new ModelRegistry(db, DataDir.modelsDir(siteData))
                        .active(HealthClassifier.KIND, LiveHealthModel.SCOPE).orElseThrow().id();
            }
            Path model = dir.resolve("site-live.health");
            Cli.Result t = run("maintenance", "train-health", "--input", table.toString(), "--label", "label",
                    "--output", model.toString(), "--trees", "40", "--live",
                    // Smile's random forest fails on a few dozen rows of three classes (an out-of-bag sample with
                    // two classes is scored as binary); boosting trains on such a small table
                    "--learner", "gradient_boosting");
            assertThat(t.exitCode()).as(t.err()).isZero();
            assertThat(t.out()).contains("\"scope\":\"live-condition\"").contains("\"active\":true");
            assertThat(model).exists();
            try (Database db = Database.open(siteData)) {
                var sites = new SiteStore(db);
                ModelRegistry registry = new ModelRegistry(db, DataDir.modelsDir(siteData));
                ModelRun active = registry.active(HealthClassifier.KIND, LiveHealthModel.SCOPE).orElseThrow();
                assertThat(active.id()).isNotEqualTo(before);
                assertThat(active.params()).containsEntry("source", "labelled live condition features");
                assertThat(active.trainFromMillis()).isEqualTo(end.minus(Duration.ofHours(60)).toEpochMilli());
                assertThat(Path.of(active.artifactPath()).toAbsolutePath().normalize())
                        .startsWith(DataDir.modelsDir(siteData).toAbsolutePath().normalize());
                // the live service uses it: a service started on the old model switches on its next refresh
                MaintenanceService service = MaintenanceService.live(db, sites, new ReadingStore(db, sites), registry,
                        MaintenanceService.Settings.defaults(), java.time.Clock.systemUTC());
                assertThat(service.modelName()).endsWith("v" + active.version());
                registry.activate(before);
                MaintenanceService old = MaintenanceService.live(db, sites, new ReadingStore(db, sites), registry,
                        MaintenanceService.Settings.defaults(), java.time.Clock.systemUTC());
                String oldName = old.modelName();
                registry.activate(active.id());
                old.refresh("site-1", end);
                assertThat(old.modelName()).isNotEqualTo(oldName).endsWith("v" + active.version());
            }

            // a table whose columns are not the live features is refused, saying which
            Path wrong = dir.resolve("wrong.csv");
            Files.writeString(wrong, "a,b,label\n1,2,healthy\n3,4,overheating\n5,6,healthy\n7,8,overheating\n");
            Cli.Result w = run("maintenance", "train-health", "--input", wrong.toString(), "--label", "label",
                    "--output", dir.resolve("wrong.health").toString(), "--live");
            assertThat(w.exitCode()).isEqualTo(1);
            assertThat(w.err()).contains("do not match the live condition features").contains("missing");
        } finally {
            dataDir = saved;
        }
    }
}
