package ai.vidyut.console.cli;

import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.detect.DetectorParams;
import ai.vidyut.console.alerts.AlertService;
import ai.vidyut.console.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code vidyut detect} contract: row count, output shape, causality, determinism, formats, errors. */
class DetectCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter err = new StringWriter();
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out));
        try {
            var cl = VidyutCommand.commandLine();
            cl.setErr(new PrintWriter(err));
            int code = cl.execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setOut(old);
        }
    }

    /** Minute data with a daily shape, a power drop at 2500..2560 and a spike at 2900; two columns. */
    private static List<String> rows(int n, String timestampStyle) {
        Random r = new Random(1);
        List<String> lines = new ArrayList<>();
        long start = 1_767_225_600_000L;
        for (int i = 0; i < n; i++) {
            long ts = start + i * 60_000L + (i % 7 == 0 ? 13_000 : 0); // irregular
            double p = 100 + 30 * Math.sin(i / 1440.0 * 2 * Math.PI) + r.nextGaussian() * 2;
            if (i >= 2500 && i < 2560) {
                p *= 0.3;
            }
            if (i == 2900) {
                p *= 2;
            }
            double temp = 30 + 0.1 * p + r.nextGaussian() * 0.2;
            String t = switch (timestampStyle) {
                case "epoch" -> Long.toString(ts);
                case "space" -> java.time.LocalDateTime.ofEpochSecond(ts / 1000, 0, java.time.ZoneOffset.UTC)
                        .toString().replace('T', ' ');
                default -> java.time.Instant.ofEpochMilli(ts).toString();
            };
            lines.add(String.format(Locale.ROOT, "%s,%.3f,%.3f", t, p, temp));
        }
        return lines;
    }

    private Path write(String name, List<String> rows) throws Exception {
        Path f = dir.resolve(name);
        List<String> all = new ArrayList<>();
        all.add("timestamp,power_kw,temperature_c");
        all.addAll(rows);
        Files.write(f, all);
        return f;
    }

    private Path paramsWithAllDetectors() {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String d : DetectorParams.DETECTORS) {
            w.put(d, 1.0);
        }
        Path p = dir.resolve("all.json");
        DetectorParams.shippedDefault().withWeights(w, "mean").write(p);
        return p;
    }

    @Test
    void oneOutputRowPerInputRowCausalAndDeterministic() throws Exception {
        List<String> rows = rows(3200, "iso");
        Path full = write("full.csv", rows);
        Path prefix = write("prefix.csv", rows.subList(0, 2700));
        Path params = paramsWithAllDetectors();
        Path outFull = dir.resolve("full-scores.csv");
        Path outFull2 = dir.resolve("full-scores-2.csv");
        Path outPrefix = dir.resolve("prefix-scores.csv");
        Path outOtherSeed = dir.resolve("other-seed.csv");

        Run r = run("detect", "--input", full.toString(), "--output", outFull.toString(), "--seed", "5",
                "--params", params.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"rows\":3200");
        assertThat(run("detect", "--input", full.toString(), "--output", outFull2.toString(), "--seed", "5",
                "--params", params.toString()).exit()).isZero();
        assertThat(run("detect", "--input", prefix.toString(), "--output", outPrefix.toString(), "--seed", "5",
                "--params", params.toString()).exit()).isZero();
        assertThat(run("detect", "--input", full.toString(), "--output", outOtherSeed.toString(), "--seed", "6",
                "--params", params.toString()).exit()).isZero();

        List<String> a = Files.readAllLines(outFull);
        List<String> p = Files.readAllLines(outPrefix);
        assertThat(a).hasSize(3201);
        assertThat(a.get(0)).isEqualTo("timestamp,value,anomaly_score,label,type");
        assertThat(a.get(1)).startsWith(rows.get(0).split(",")[0] + "," + rows.get(0).split(",")[1]);
        assertThat(p).hasSize(2701);
        assertThat(a.subList(0, 2701)).as("appending rows never changes earlier scores").isEqualTo(p);
        assertThat(Files.readAllLines(outFull2)).as("same seed, same output").isEqualTo(a);
        assertThat(Files.readAllLines(outOtherSeed)).as("the seed reaches the forest").isNotEqualTo(a);

        for (String line : a.subList(1, a.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(5);
            double score = Double.parseDouble(f[2]);
            assertThat(score).isBetween(0.0, 1.0);
            assertThat(f[3]).isIn("0", "1");
            assertThat(f[4].isEmpty()).isEqualTo(f[3].equals("0"));
        }
        // with the shipped parameters (benchmark-chosen ensemble and threshold) the faults are labelled
        Path outDefault = dir.resolve("default-scores.csv");
        assertThat(run("detect", "--input", full.toString(), "--output", outDefault.toString()).exit()).isZero();
        List<String> d = Files.readAllLines(outDefault);
        assertThat(d).hasSize(3201);
        assertThat(d.subList(2501, 2561).stream().filter(l -> l.contains(",1,power_drop")).count())
                .as("the power drop is labelled").isGreaterThanOrEqualTo(1);
        assertThat(d.subList(2900, 2904).stream().filter(l -> l.contains(",1,")).count())
                .as("the spike is labelled").isGreaterThanOrEqualTo(1);
        assertThat(d.subList(1500, 2490).stream().filter(l -> l.contains(",1,")).count())
                .as("few false labels on the normal day before").isLessThan(20);
    }

    @Test
    void acceptsEpochAndSpaceSeparatedTimestampsAndSavesAnomalies() throws Exception {
        Path epoch = write("epoch.csv", rows(3000, "epoch"));
        Path space = write("space.csv", rows(3000, "space"));
        Path o1 = dir.resolve("o1.csv");
        Path o2 = dir.resolve("o2.csv");
        Run r = run("--data-dir", dir.resolve("data").toString(), "detect", "--input", epoch.toString(),
                "--output", o1.toString(), "--save", "--site", "plant-7", "--asset", "inv-3");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(run("detect", "--input", space.toString(), "--output", o2.toString()).exit()).isZero();
        List<String> l1 = Files.readAllLines(o1);
        List<String> l2 = Files.readAllLines(o2);
        for (int i = 1; i < l1.size(); i++) {
            assertThat(l1.get(i).substring(l1.get(i).indexOf(',')))
                    .isEqualTo(l2.get(i).substring(l2.get(i).indexOf(',')));
        }
        try (Database db = Database.open(dir.resolve("data"))) {
            var anomalies = new AnomalyStore(db).list("plant-7");
            assertThat(anomalies).isNotEmpty();
            assertThat(anomalies).allMatch(a -> a.assetId().equals("inv-3") && a.metric().equals("power_kw"));
            assertThat(new AlertService(db).open()).isNotEmpty();
        }
        String data = dir.resolve("data").toString();
        Run list = run("--data-dir", data, "alerts", "list");
        assertThat(list.exit()).as(list.err()).isZero();
        var alerts = new com.fasterxml.jackson.databind.ObjectMapper().readTree(list.out());
        assertThat(alerts.size()).isGreaterThan(0);
        assertThat(alerts.get(0).get("siteId").asText()).isEqualTo("plant-7");
        Run stats = run("--data-dir", data, "alerts", "stats", "--site", "plant-7");
        assertThat(stats.out()).contains("\"count\"").contains("\"byHour\"");
        Run ack = run("--data-dir", data, "alerts", "ack", "--all");
        assertThat(ack.out()).contains("\"acknowledged\":" + alerts.size());
        assertThat(run("--data-dir", data, "alerts", "list").out().trim()).isEqualTo("[]");
        assertThat(run("--data-dir", data, "alerts", "ack", "999").exit()).isEqualTo(1);
    }

    @Test
    void badLinesAreReportedWithTheirLineNumber() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "timestamp,power_kw\n2026-01-01T00:00:00Z,1.0\n2026-01-01T00:01:00Z,abc\n");
        Run r = run("detect", "--input", bad.toString(), "--output", dir.resolve("x.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("line 3").contains("abc");
        Path noHeader = dir.resolve("nohdr.csv");
        Files.writeString(noHeader, "time,power\n1,2\n");
        Run r2 = run("detect", "--input", noHeader.toString(), "--output", dir.resolve("y.csv").toString());
        assertThat(r2.exit()).isEqualTo(1);
        assertThat(r2.err()).contains("timestamp");
        Path badTs = dir.resolve("badts.csv");
        Files.writeString(badTs, "timestamp,power\nyesterday,2\n");
        Run r3 = run("detect", "--input", badTs.toString(), "--output", dir.resolve("z.csv").toString());
        assertThat(r3.err()).contains("line 2").contains("yesterday");
    }
}
