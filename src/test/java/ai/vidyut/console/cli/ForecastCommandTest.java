package ai.vidyut.console.cli;

import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.store.DataDir;
import ai.vidyut.console.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ForecastCommandTest {

    private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            var cl = VidyutCommand.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Run(exit, buf.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(oldOut);
        }
    }

    /** 42 days of hourly load with a daily cycle and a temperature column, timestamps with a space. */
    private static Path history(Path dir, int days, boolean withTemp) throws Exception {
        StringBuilder sb = new StringBuilder(withTemp ? "timestamp,load_kw,temp_c\n" : "timestamp,load_kw\n");
        Random rnd = new Random(1);
        LocalDateTime t = LocalDateTime.of(2024, 1, 1, 0, 0);
        for (int i = 0; i < days * 24; i++, t = t.plusHours(1)) {
            double temp = 10 + 5 * Math.sin(i / 50.0);
            double load = 200 + 40 * Math.sin(2 * Math.PI * t.getHour() / 24.0) + 3 * temp + rnd.nextGaussian() * 4;
            sb.append(t.format(SPACE)).append(',').append(String.format(java.util.Locale.ROOT, "%.2f", load));
            if (withTemp) {
                sb.append(',').append(String.format(java.util.Locale.ROOT, "%.2f", temp));
            }
            sb.append('\n');
        }
        Path p = dir.resolve(withTemp ? "history-temp.csv" : "history.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void forecastWritesTheContractCsvAndRecordsTheRun(@TempDir Path dir) throws Exception {
        Path in = history(dir, 42, false);
        Path out = dir.resolve("out/forecast.csv");
        Path data = dir.resolve("data");
        Run r = run("--data-dir", data.toString(), "forecast", "--input", in.toString(), "--horizon", "24",
                "--output", out.toString(), "--country", "US");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("timestamp,predicted,lower95,upper95");
        assertThat(lines).hasSize(25);
        LocalDateTime expected = LocalDateTime.of(2024, 1, 1, 0, 0).plusHours(42 * 24);
        for (int h = 0; h < 24; h++) {
            String[] f = lines.get(h + 1).split(",");
            assertThat(f[0]).isEqualTo(expected.plusHours(h).format(SPACE));
            double p = Double.parseDouble(f[1]);
            assertThat(Double.parseDouble(f[2])).isLessThanOrEqualTo(p);
            assertThat(Double.parseDouble(f[3])).isGreaterThanOrEqualTo(p);
            assertThat(p).isBetween(120.0, 320.0);
        }
        JsonNode summary = new ObjectMapper().readTree(r.out());
        assertThat(summary.get("horizon").asInt()).isEqualTo(24);
        assertThat(summary.get("calibration").has("mape")).isTrue();
        try (Database db = Database.open(data)) {
            var runs = new ModelRegistry(db, DataDir.modelsDir(data)).runs("forecast", "csv:history.csv/load_kw");
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).metrics()).containsKeys("mae", "rmse", "mape", "coverage95", "accuracyScore");
            assertThat(Path.of(runs.get(0).artifactPath())).exists();
        }
    }

    @Test
    void futureRegressorsAreUsedAndTimestampsWithZoneRoundTrip(@TempDir Path dir) throws Exception {
        Path in = history(dir, 30, true);
        String zoned = Files.readString(in).replaceAll("(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2})", "$1T$2:00Z");
        Files.writeString(in, zoned);
        StringBuilder fut = new StringBuilder("timestamp,temp_c\n");
        LocalDateTime t = LocalDateTime.of(2024, 1, 31, 0, 0);
        for (int h = 0; h < 6; h++) {
            fut.append(t.plusHours(h)).append(":00Z,").append(30).append('\n');
        }
        Path future = dir.resolve("future.csv");
        Files.writeString(future, fut.toString());
        Path out = dir.resolve("f.csv");
        Run r = run("forecast", "--input", in.toString(), "--horizon", "6", "--output", out.toString(),
                "--future-regressors", future.toString(), "--no-record");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(1)).startsWith("2024-01-31T00:00:00Z,");
        JsonNode summary = new ObjectMapper().readTree(r.out());
        assertThat(summary.get("details").get("regressorsUsed").asBoolean()).isTrue();
        // a hot future (30 °C vs ~10 °C in history) raises the forecast through the weather component
        Run without = run("forecast", "--input", in.toString(), "--horizon", "6", "--output",
                dir.resolve("g.csv").toString(), "--no-record");
        assertThat(without.exit()).isZero();
        double with = Double.parseDouble(lines.get(1).split(",")[1]);
        double plain = Double.parseDouble(Files.readAllLines(dir.resolve("g.csv")).get(1).split(",")[1]);
        assertThat(with - plain).isGreaterThan(20);
    }

    @Test
    void backtestPrintsMetricsAsJson(@TempDir Path dir) throws Exception {
        Path in = history(dir, 60, false);
        Run r = run("--data-dir", dir.resolve("data").toString(), "backtest", "--input", in.toString(),
                "--horizon", "24", "--origins", "7");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String k : new String[] {"mae", "rmse", "mape", "coverage", "bandWidth", "accuracyScore"}) {
            assertThat(j.has(k)).as(k).isTrue();
        }
        assertThat(j.get("points").asInt()).isEqualTo(7 * 24);
        assertThat(j.get("mape").asDouble()).isLessThan(5);
        assertThat(j.get("coverage").asDouble()).isBetween(70.0, 100.0);
    }

    @Test
    void badInputIsAClearErrorWithTheLineNumber(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "timestamp,load\n2024-01-01 00:00,1\n2024-01-01 01:00,oops\n");
        Run r = run("forecast", "--input", in.toString(), "--horizon", "24", "--output",
                dir.resolve("o.csv").toString(), "--no-record");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("line 3").contains("oops");
        Run pv = run("forecast", "--input", history(dir, 5, false).toString(), "--horizon", "24", "--output",
                dir.resolve("o.csv").toString(), "--lat", "10", "--no-record");
        assertThat(pv.exit()).isEqualTo(1);
        assertThat(pv.err()).contains("--capacity-kw");
        assertThat(Files.exists(dir.resolve("o.csv"))).isFalse();
    }

    @Test
    void customHolidaysFileAddsDaysOff(@TempDir Path dir) throws Exception {
        // weekdays draw 200, days off (weekends and the plant's shutdown days) 100
        List<java.time.LocalDate> shutdowns = List.of(java.time.LocalDate.of(2024, 1, 10),
                java.time.LocalDate.of(2024, 1, 24), java.time.LocalDate.of(2024, 2, 12));
        StringBuilder sb = new StringBuilder("timestamp,load_kw\n");
        Random rnd = new Random(4);
        LocalDateTime t = LocalDateTime.of(2024, 1, 1, 0, 0);
        for (int i = 0; i < 42 * 24; i++, t = t.plusHours(1)) {
            boolean off = t.getDayOfWeek().getValue() >= 6 || shutdowns.contains(t.toLocalDate());
            sb.append(t.format(SPACE)).append(',').append(String.format(java.util.Locale.ROOT, "%.2f",
                    (off ? 100 : 200) + rnd.nextGaussian() * 3)).append('\n');
        }
        Path in = dir.resolve("plant.csv");
        Files.writeString(in, sb.toString());
        Path holidays = dir.resolve("holidays.csv");
        Files.writeString(holidays, "date,name\n2024-01-10,Plant shutdown\n2024-01-24,Plant shutdown\n"
                + "2024-02-12,Plant shutdown\n");
        Run with = run("forecast", "--input", in.toString(), "--horizon", "24", "--output",
                dir.resolve("with.csv").toString(), "--holidays", holidays.toString(), "--no-record");
        Run without = run("forecast", "--input", in.toString(), "--horizon", "24", "--output",
                dir.resolve("without.csv").toString(), "--no-record");
        assertThat(with.exit()).as(with.err()).isZero();
        assertThat(without.exit()).as(without.err()).isZero();
        assertThat(mean(dir.resolve("with.csv"))).isLessThan(140);
        assertThat(mean(dir.resolve("without.csv"))).isGreaterThan(170);
    }

    private static double mean(Path forecast) throws Exception {
        return Files.readAllLines(forecast).stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1]))
                .average().orElseThrow();
    }
}
