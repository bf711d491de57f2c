package ai.vidyut.console.cli;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Reading;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SitesAssetsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode json(Cli.Result r) throws Exception {
        assertThat(r.exitCode()).as("exit code, stderr: %s", r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void addListEditDeleteSites() throws Exception {
        JsonNode added = json(Cli.run(dir, "sites", "add", "pune-1", "--name", "Pune plant", "--lat", "18.52",
                "--lon", "73.85", "--tz", "Asia/Kolkata", "--capacity-kw", "1200"));
        assertThat(added.get("id").asText()).isEqualTo("pune-1");
        assertThat(added.get("timeZone").asText()).isEqualTo("Asia/Kolkata");
        json(Cli.run(dir, "sites", "add", "berlin"));

        JsonNode list = json(Cli.run(dir, "sites", "list", "--json"));
        assertThat(list).hasSize(2);
        JsonNode berlin = list.get(0);
        assertThat(berlin.get("id").asText()).isEqualTo("berlin");
        assertThat(berlin.get("latitude").isNull()).isTrue();
        assertThat(berlin.get("timeZone").asText()).isEqualTo("UTC");
        assertThat(list.get(1).get("capacityKw").asDouble()).isEqualTo(1200.0);

        JsonNode edited = json(Cli.run(dir, "sites", "edit", "pune-1", "--capacity-kw", "1500"));
        assertThat(edited.get("capacityKw").asDouble()).isEqualTo(1500.0);
        assertThat(edited.get("name").asText()).as("fields not given stay").isEqualTo("Pune plant");
        assertThat(edited.get("latitude").asDouble()).isEqualTo(18.52);

        Cli.Result table = Cli.run(dir, "sites", "list");
        assertThat(table.out()).contains("Pune plant").contains("Asia/Kolkata").contains("1500.0");

        assertThat(json(Cli.run(dir, "sites", "delete", "berlin")).get("deleted").asText()).isEqualTo("berlin");
        assertThat(json(Cli.run(dir, "sites", "list", "--json"))).hasSize(1);
    }

    @Test
    void siteErrorsAreClearAndChangeNothing() throws Exception {
        json(Cli.run(dir, "sites", "add", "s1", "--tz", "Europe/Berlin"));

        Cli.Result duplicate = Cli.run(dir, "sites", "add", "s1");
        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.err()).contains("error: site 's1' already exists");

        Cli.Result badZone = Cli.run(dir, "sites", "add", "s2", "--tz", "Mars/Olympus");
        assertThat(badZone.exitCode()).isEqualTo(1);
        assertThat(badZone.err()).contains("unknown time zone 'Mars/Olympus'");

        Cli.Result badLat = Cli.run(dir, "sites", "add", "s3", "--lat", "95");
        assertThat(badLat.err()).contains("latitude 95.0 is outside -90..90");

        Cli.Result badId = Cli.run(dir, "sites", "add", "a/b");
        assertThat(badId.err()).contains("site id 'a/b' must be");

        Cli.Result unknown = Cli.run(dir, "sites", "edit", "nope", "--name", "x");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown site 'nope'");
        assertThat(Cli.run(dir, "sites", "delete", "nope").err()).contains("unknown site 'nope'");

        Cli.Result editBadZone = Cli.run(dir, "sites", "edit", "s1", "--tz", "Nowhere");
        assertThat(editBadZone.exitCode()).isEqualTo(1);

        JsonNode list = json(Cli.run(dir, "sites", "list", "--json"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("timeZone").asText()).isEqualTo("Europe/Berlin");
    }

    @Test
    void addListEditDeleteAssets() throws Exception {
        json(Cli.run(dir, "sites", "add", "s1"));
        JsonNode inv = json(Cli.run(dir, "assets", "add", "--site", "s1", "inv-1", "--name", "Inverter 1",
                "--kind", "inverter", "--rated", "power_kw=500", "--rated", "voltage_v=800"));
        assertThat(inv.get("kind").asText()).isEqualTo("inverter");
        assertThat(inv.get("ratedValues").get("power_kw").asDouble()).isEqualTo(500.0);
        json(Cli.run(dir, "assets", "add", "--site", "s1", "bess", "--kind", "battery"));

        JsonNode list = json(Cli.run(dir, "assets", "list", "--site", "s1", "--json"));
        assertThat(list).extracting(n -> n.get("id").asText()).containsExactly("bess", "inv-1");

        JsonNode edited = json(Cli.run(dir, "assets", "edit", "--site", "s1", "inv-1", "--rated", "power_kw=550"));
        assertThat(edited.get("ratedValues").get("power_kw").asDouble()).isEqualTo(550.0);
        assertThat(edited.get("ratedValues").get("voltage_v").asDouble()).isEqualTo(800.0);
        assertThat(edited.get("name").asText()).isEqualTo("Inverter 1");

        assertThat(Cli.run(dir, "assets", "list").out()).contains("inv-1").contains("battery");
        json(Cli.run(dir, "assets", "delete", "--site", "s1", "bess"));
        assertThat(json(Cli.run(dir, "assets", "list", "--json"))).hasSize(1);
    }

    @Test
    void assetErrorsAreClear() throws Exception {
        json(Cli.run(dir, "sites", "add", "s1"));
        Cli.Result unknownSite = Cli.run(dir, "assets", "add", "--site", "nope", "m1", "--kind", "meter");
        assertThat(unknownSite.exitCode()).isEqualTo(1);
        assertThat(unknownSite.err()).contains("unknown site 'nope'");

        Cli.Result badKind = Cli.run(dir, "assets", "add", "--site", "s1", "m1", "--kind", "toaster");
        assertThat(badKind.err()).contains("unknown asset kind 'toaster'").contains("pv_array");

        json(Cli.run(dir, "assets", "add", "--site", "s1", "m1", "--kind", "meter"));
        Cli.Result duplicate = Cli.run(dir, "assets", "add", "--site", "s1", "m1", "--kind", "meter");
        assertThat(duplicate.err()).contains("asset 'm1' already exists at site 's1'");

        assertThat(Cli.run(dir, "assets", "edit", "--site", "s1", "m2", "--name", "x").err())
                .contains("unknown asset 'm2' at site 's1'");
        assertThat(Cli.run(dir, "assets", "delete", "--site", "s9", "m1").err()).contains("unknown site 's9'");
        assertThat(Cli.run(dir, "assets", "list", "--site", "s9").err()).contains("unknown site 's9'");
    }

    @Test
    void deletingAnAssetDeletesItsHistoryAndLaterReadingsStartAfresh() throws Exception {
        try (Database db = Database.open(dir)) {
            SiteStore sites = new SiteStore(db);
            ReadingStore readings = new ReadingStore(db, sites);
            readings.append(List.of(new Reading(1_000, "s1", "m1", "power_kw", 1),
                    new Reading(2_000, "s1", "m2", "power_kw", 2)));
            assertThat(sites.deleteAsset("s1", "m1")).isTrue();
            assertThat(readings.count()).isEqualTo(1);
            assertThat(readings.downsample(new ai.vidyut.console.telemetry.SeriesKey("s1", "m1", "power_kw"),
                    0, 10_000, 10_000)).isEmpty();
            // the same store keeps working for the deleted asset: it is rediscovered with a new series
            assertThat(readings.append(List.of(new Reading(1_000, "s1", "m1", "power_kw", 5)))).isEqualTo(1);
            assertThat(readings.downsample(new ai.vidyut.console.telemetry.SeriesKey("s1", "m1", "power_kw"),
                    0, 10_000, 10_000)).singleElement().extracting(ReadingStore.Bucket::mean).isEqualTo(5.0);
            assertThat(sites.asset("s1", "m1")).get().matches(a -> a.discovered());
        }
        JsonNode discovered = json(Cli.run(dir, "sites", "list", "--json"));
        assertThat(discovered.get(0).get("discovered").asBoolean()).isTrue();
        JsonNode edited = json(Cli.run(dir, "sites", "edit", "s1", "--name", "Site one"));
        assertThat(edited.get("discovered").asBoolean()).as("a configured site is no longer 'discovered'").isFalse();
    }

    @Test
    void dataDirMayAlsoFollowTheSubcommand() throws Exception {
        Cli.Result r = Cli.run(dir, "sites", "add", "x1");
        assertThat(r.exitCode()).isZero();
        // Cli.run puts --data-dir first; here it comes last, after the sub-subcommand
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(out, true));
            int code = VidyutCommand.commandLine().execute("sites", "list", "--json", "--data-dir", dir.toString());
            assertThat(code).isZero();
        } finally {
            System.setOut(old);
        }
        assertThat(JSON.readTree(out.toString())).hasSize(1);
    }
}
