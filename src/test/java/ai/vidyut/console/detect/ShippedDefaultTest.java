package ai.vidyut.console.detect;

import ai.vidyut.console.detect.eval.Training;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped default detector parameters have their metadata beside them, and it describes them. */
class ShippedDefaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void metadataFileExistsParsesAndNamesTheSameParamsAsDefaultJson() throws Exception {
        Path params = Path.of(ShippedDefault.PATH);
        Path meta = Path.of(ShippedDefault.METADATA_PATH);
        assertThat(params).exists();
        assertThat(meta).as("metadata beside the shipped default").exists();
        JsonNode doc = JSON.readTree(meta.toFile());
        assertThat(doc.get("kind").asText()).isEqualTo(Training.KIND);
        assertThat(doc.get("artifact").asText()).isEqualTo(params.getFileName().toString());
        Set<String> shippedNames = new HashSet<>();
        JSON.readTree(params.toFile()).fieldNames().forEachRemaining(shippedNames::add);
        Set<String> metaNames = new HashSet<>();
        doc.get("params").fieldNames().forEachRemaining(metaNames::add);
        assertThat(metaNames).isEqualTo(shippedNames);

        // the classpath copy (what the program reads) says the same
        ShippedDefault.Metadata loaded = ShippedDefault.load().orElseThrow();
        assertThat(loaded.params().keySet()).isEqualTo(shippedNames);
        assertThat(loaded.metrics()).containsKeys("skab.heldOut.AtoB.f1", "skab.heldOut.BtoA.f1",
                "skab.heldOut.AtoB.nab", "synthetic.heldOut.AtoB.f1");
        assertThat(loaded.metrics().values()).allSatisfy(v -> assertThat(v).isFinite());
        assertThat(loaded.metric("skab.heldOut.AtoB.f1").orElseThrow()).isBetween(0.0, 1.0);
        assertThat(loaded.producedValue("command")).contains("bench/detect.sh").contains("--write-default");
        assertThat(loaded.producedValue("date")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(loaded.summary()).contains("SKAB held-out F1").contains("bench/detect.sh");
    }

    @Test
    void writtenMetadataRoundTripsAndPartialFilesStillLoad() throws Exception {
        Path artifact = dir.resolve("default.json");
        DetectorParams p = DetectorParams.builtIn();
        p.write(artifact);
        Path meta = ShippedDefault.writeMetadata(artifact, p, Map.of("skab.heldOut.AtoB.f1", 0.5,
                "skab.heldOut.BtoA.f1", 0.6), Map.of("command", "bench/detect.sh --write-default x", "date", "2026-01-02"));
        assertThat(meta.getFileName().toString()).isEqualTo("default.json.json");
        ShippedDefault.Metadata m = ShippedDefault.read(meta);
        assertThat(m.params()).containsEntry("threshold", p.threshold()).containsKey("weights");
        assertThat(m.summary()).isEqualTo("SKAB held-out F1 0.500 / 0.600 · bench/detect.sh, 2026-01-02");

        // tolerant: unknown fields, non-numeric metrics and missing sections are not errors
        Path partial = dir.resolve("partial.json");
        Files.writeString(partial, "{\"params\":{\"threshold\":0.7,\"newKnob\":3},\"metrics\":{\"f1\":\"n/a\"},"
                + "\"extra\":[1,2]}");
        ShippedDefault.Metadata q = ShippedDefault.read(partial);
        assertThat(q.kind()).isEqualTo(Training.KIND);
        assertThat(q.params()).containsKeys("threshold", "newKnob");
        assertThat(q.metrics()).isEmpty();
        assertThat(q.summary()).isEmpty();
    }
}
