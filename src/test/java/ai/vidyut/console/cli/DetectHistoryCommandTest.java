package ai.vidyut.console.cli;

import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.detect.HistoryScanTest;
import ai.vidyut.console.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vidyut detect --site S [--asset A] [--metric M] [--from T] [--to T]}: batch detection over stored history. */
class DetectHistoryCommandTest {

    @TempDir
    Path dir;

    @Test
    void scansImportedHistoryOnceAndReportsAJsonSummary() throws Exception {
        Path data = dir.resolve("data");
        Path csv = HistoryScanTest.writeCsv(dir);
        assertThat(Cli.run(data, "import", csv.toString()).exitCode()).isZero();
        ObjectMapper json = new ObjectMapper();

        Cli.Result first = Cli.run(data, "detect", "--site", "imp");
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode s = json.readTree(first.out());
        assertThat(s.get("site").asText()).isEqualTo("imp");
        assertThat(s.get("series").asInt()).isEqualTo(2);
        assertThat(s.get("readings").asLong()).isEqualTo(2 * 4 * 1440);
        int stored = s.get("anomaliesStored").asInt();
        assertThat(stored).isPositive().isEqualTo(s.get("anomaliesFound").asInt());
        assertThat(s.get("alreadyStored").asInt()).isZero();

        Cli.Result again = Cli.run(data, "detect", "--site", "imp");
        JsonNode a = json.readTree(again.out());
        assertThat(a.get("anomaliesStored").asInt()).isZero();
        assertThat(a.get("alreadyStored").asInt()).isEqualTo(stored);

        String from = Instant.ofEpochMilli(HistoryScanTest.START + 2 * 1440 * HistoryScanTest.MINUTE).toString();
        String to = Long.toString(HistoryScanTest.START + 3 * 1440 * HistoryScanTest.MINUTE);
        Cli.Result day = Cli.run(data, "detect", "--site", "imp", "--asset", "inv-1", "--metric", "power_kw",
                "--from", from, "--to", to);
        JsonNode d = json.readTree(day.out());
        assertThat(d.get("series").asInt()).isEqualTo(1);
        assertThat(d.get("readings").asLong()).isEqualTo(1440);
        assertThat(d.get("from").asText()).isEqualTo(from);
        assertThat(d.get("anomaliesFound").asInt()).isPositive();
        assertThat(d.get("anomaliesStored").asInt()).isZero();

        try (Database db = Database.open(data)) {
            assertThat(new AnomalyStore(db).list("imp")).hasSize(stored);
        }
    }

    @Test
    void badArgumentsAreClearErrors() throws Exception {
        Path data = dir.resolve("data");
        assertThat(Cli.run(data, "import", HistoryScanTest.writeCsv(dir).toString()).exitCode()).isZero();
        assertThat(Cli.run(data, "detect").err()).contains("--input").contains("--site");
        Cli.Result unknown = Cli.run(data, "detect", "--site", "nowhere");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown site: nowhere");
        assertThat(Cli.run(data, "detect", "--site", "imp", "--metric", "no_such").err()).contains("no stored series");
        assertThat(Cli.run(data, "detect", "--site", "imp", "--from", "yesterday").err()).contains("--from");
        assertThat(Cli.run(data, "detect", "--site", "imp", "--from", "2026-03-02T00:00:00Z", "--to",
                "2026-03-01T00:00:00Z").err()).contains("before");
        assertThat(Cli.run(data, "detect", "--input", "x.csv").err()).contains("--output");
    }
}
