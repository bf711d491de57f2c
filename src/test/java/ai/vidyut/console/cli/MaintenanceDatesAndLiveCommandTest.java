package ai.vidyut.console.cli;

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

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            var cl = VidyutCommand.commandLine();
            cl.setErr(new PrintWriter(err, true));
            List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
            all.addAll(List.of(args));
            int exit = cl.execute(all.toArray(String[]::new));
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(oldOut);
        }
    }

    @BeforeAll
    static void trainOnce() throws Exception {
        dataDir = dir.resolve("data");
        Path train = dir.resolve("train.csv");
        Files.writeString(train, MaintenanceCommandTest.fleet(12, 1, ",", true, false));
        rulModel = dir.resolve("model.rul");
        Result r = run("maintenance", "train-rul", "--input", train.toString(), "--id", "unit", "--time", "cycle",
                "--output", rulModel.toString(), "--trees", "40", "--no-validate");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void predictRulAddsFailureDateAndDaysOnlyWithAUsageRate() throws Exception {
        Path test = dir.resolve("test.csv");
        Files.writeString(test, MaintenanceCommandTest.fleet(4, 2, ",", true, true));
        Result plain = run("maintenance", "predict-rul", "--model", rulModel.toString(), "--input", test.toString());
        assertThat(plain.exit()).as(plain.err()).isZero();
        List<String> base = plain.out().lines().toList();
        assertThat(base).hasSize(5);
        assertThat(base.get(0)).isEqualTo("unit,rul,lower,upper");
        assertThat(base.subList(1, 5)).allSatisfy(l -> assertThat(l.split(",")).hasSize(4));

        Instant asOf = Instant.parse("2026-01-01T00:00:00Z");
        Result dated = run("maintenance", "predict-rul", "--model", rulModel.toString(), "--input", test.toString(),
                "--usage-per-day", "2.5", "--as-of", asOf.toString());
        assertThat(dated.exit()).as(dated.err()).isZero();
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

        Result bad = run("maintenance", "predict-rul", "--model", rulModel.toString(), "--input", test.toString(),
                "--usage-per-day", "0");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("--usage-per-day");
        Result orphan = run("maintenance", "predict-rul", "--model", rulModel.toString(), "--input", test.toString(),
                "--as-of", asOf.toString());
        assertThat(orphan.exit()).isEqualTo(1);
        assertThat(orphan.err()).contains("--as-of needs --usage-per-day");
    }
}
