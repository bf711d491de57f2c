package ai.vidyut.console.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportExportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void importPrintsASummaryRejectsBadFilesAndExportsLongFormat() throws Exception {
        Path data = dir.resolve("data");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, """
                timestamp,power_kw,temperature_c
                2026-03-01 10:15:00,850.5,41
                2026-03-01 10:15:01,oops,41
                2026-03-01 10:15:02,851.5,42
                """);

        Cli.Result rejected = Cli.run(data, "import", bad.toString(), "--site", "s1", "--asset", "inv1",
                "--zone", "Asia/Kolkata");
        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.err()).contains("1 bad line(s), nothing imported").contains("--skip-bad-rows");
        JsonNode r1 = JSON.readTree(rejected.out());
        assertThat(r1.get("status").asText()).isEqualTo("rejected");
        assertThat(r1.get("format").asText()).isEqualTo("wide");
        assertThat(r1.get("rowsRead").asLong()).isEqualTo(3);
        assertThat(r1.get("readingsImported").asLong()).isZero();
        assertThat(r1.get("badRows").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(r1.get("badRows").get(0).get("reason").asText()).contains("power_kw").contains("'oops'");

        Cli.Result skipped = Cli.run(data, "import", bad.toString(), "--site", "s1", "--asset", "inv1",
                "--zone", "Asia/Kolkata", "--skip-bad-rows");
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        JsonNode r2 = JSON.readTree(skipped.out());
        assertThat(r2.get("status").asText()).isEqualTo("imported");
        assertThat(r2.get("readingsImported").asLong()).isEqualTo(4);
        assertThat(r2.get("badRowCount").asLong()).isEqualTo(1);

        Cli.Result again = Cli.run(data, "import", bad.toString(), "--site", "s1", "--asset", "inv1",
                "--zone", "Asia/Kolkata", "--skip-bad-rows");
        JsonNode r3 = JSON.readTree(again.out());
        assertThat(r3.get("readingsImported").asLong()).isZero();
        assertThat(r3.get("duplicates").asLong()).isEqualTo(4);

        Path out = dir.resolve("out.csv");
        Cli.Result export = Cli.run(data, "export", "--site", "s1", "--metric", "power_kw",
                "--from", "2026-03-01T04:45:00Z", "--to", "2026-03-01 10:16", "--zone", "Asia/Kolkata",
                out.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        JsonNode e = JSON.readTree(export.out());
        assertThat(e.get("readings").asLong()).isEqualTo(2);
        assertThat(e.get("series").asLong()).isEqualTo(1);
        assertThat(Files.readAllLines(out)).isEqualTo(List.of(
                "timestamp,site,asset,metric,value",
                "2026-03-01T04:45:00.000Z,s1,inv1,power_kw,850.5",
                "2026-03-01T04:45:02.000Z,s1,inv1,power_kw,851.5"));

        Cli.Result stats = Cli.run(data, "stats");
        assertThat(JSON.readTree(stats.out()).get("readings").asLong()).isEqualTo(4);
    }

    @Test
    void fileLevelProblemsAreOneClearError() throws Exception {
        Path wide = dir.resolve("wide.csv");
        Files.writeString(wide, "timestamp,power_kw\n2026-03-01T10:15:00Z,1\n");
        Cli.Result noSite = Cli.run(dir.resolve("data"), "import", wide.toString());
        assertThat(noSite.exitCode()).isEqualTo(1);
        assertThat(noSite.err()).contains("error: wide format needs the site and asset: give --site and --asset");

        Cli.Result missing = Cli.run(dir.resolve("data"), "import", dir.resolve("nope.csv").toString());
        assertThat(missing.err()).contains("error: no such file");

        Cli.Result unknownSite = Cli.run(dir.resolve("data"), "export", "--site", "zz", dir.resolve("o.csv").toString());
        assertThat(unknownSite.exitCode()).isEqualTo(1);
        assertThat(unknownSite.err()).contains("unknown site 'zz'");

        Cli.Result badFrom = Cli.run(dir.resolve("data"), "export", "--site", "zz", "--from", "soon",
                dir.resolve("o.csv").toString());
        assertThat(badFrom.err()).contains("bad timestamp 'soon'");
    }
}
