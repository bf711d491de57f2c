package ai.vidyut.console.detect;

import ai.vidyut.console.detect.eval.Training;
import ai.vidyut.console.telemetry.AssetKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The anomaly detector parameters that ship with the program ({@code models/detect/default.json}) and their metadata
 * beside them ({@code models/detect/default.json.json}, named like the registry's {@code <artifact>.json}): the
 * parameters, the benchmark's held-out metrics, and how and when they were produced. Live detection uses the shipped
 * default for every series whose scope (and {@code global}) has no active registry run.
 *
 * <p>Reading is tolerant: a missing or partial metadata file gives what is there (a file of an older or newer shape
 * still loads), so that regenerating {@code default.json} never breaks the program.
 *
 * <p><b>Per asset kind.</b> {@code models/detect/by-kind.json} holds overrides of the shipped parameters for series
 * of known asset kinds, keyed {@code "<kind>/<metric>"} or {@code "<kind>"} (wire names such as {@code pv_array}); the
 * most specific key wins and its fields replace those of {@code default.json} ({@link #params(AssetKind, String)}).
 * Its metadata is {@code by-kind.json.json}. Series of other kinds get {@code default.json} unchanged.
 */
public final class ShippedDefault {

    /** Where the parameters are, relative to the program's top level (and on the classpath under {@code /}). */
    public static final String PATH = "models/detect/default.json";
    public static final String METADATA_PATH = PATH + ".json";
    /** Per-kind (and per-kind-and-metric) overrides of {@link #PATH}. */
    public static final String BY_KIND_PATH = "models/detect/by-kind.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ShippedDefault() {
    }

    /**
     * What the metadata says. {@code metrics} are flat names such as {@code skab.heldOut.AtoB.f1} (thresholds tuned on
     * one half of the runs, scored on the other); {@code produced} holds the command, date, results file and data.
     */
    public record Metadata(String kind, String scope, String artifact, Map<String, Object> params,
                           Map<String, Double> metrics, Map<String, String> produced) {

        public Optional<Double> metric(String name) {
            return Optional.ofNullable(metrics.get(name));
        }

        public String producedValue(String key) {
            return produced.getOrDefault(key, "");
        }

        /** One line for a view, e.g. "SKAB held-out F1 0.797 / 0.777, NAB 72.4 / 44.7 · bench/detect.sh, 2026-11-22". */
        public String summary() {
            List<String> parts = new ArrayList<>();
            for (String data : new String[]{"skab", "synthetic"}) {
                Optional<Double> f1a = metric(data + ".heldOut.AtoB.f1");
                Optional<Double> f1b = metric(data + ".heldOut.BtoA.f1");
                Optional<Double> nabA = metric(data + ".heldOut.AtoB.nab");
                Optional<Double> nabB = metric(data + ".heldOut.BtoA.nab");
                if (f1a.isPresent() && f1b.isPresent()) {
                    String s = String.format(Locale.ROOT, "%s held-out F1 %.3f / %.3f", data.equals("skab") ? "SKAB"
                            : "synthetic", f1a.get(), f1b.get());
                    if (nabA.isPresent() && nabB.isPresent()) {
                        s += String.format(Locale.ROOT, ", NAB %.1f / %.1f", nabA.get(), nabB.get());
                    }
                    parts.add(s);
                }
            }
            String how = String.join(", ", List.of(producedValue("command").split(" ")[0], producedValue("date"))
                    .stream().filter(x -> !x.isBlank()).toList());
            if (!how.isBlank()) {
                parts.add(how);
            }
            return String.join(" · ", parts);
        }
    }

    /** The shipped overrides per asset kind, read once from the classpath (empty when absent). */
    private static final class ByKind {
        static final JsonNode OVERRIDES = read();

        private static JsonNode read() {
            try (InputStream in = ShippedDefault.class.getResourceAsStream("/" + BY_KIND_PATH)) {
                JsonNode root = in == null ? null : JSON.readTree(in);
                return root != null && root.isObject() ? root : JSON.createObjectNode();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + BY_KIND_PATH, e);
            }
        }
    }

    /**
     * The shipped parameters for a series of an asset of {@code kind}: {@code default.json} with the overrides of
     * {@code by-kind.json} for {@code "<kind>/<metric>"}, else for {@code "<kind>"}, else none.
     */
    public static DetectorParams params(AssetKind kind, String metric) {
        DetectorParams base = DetectorParams.shippedDefault();
        JsonNode overrides = ByKind.OVERRIDES.get(kind.wireName() + "/" + metric);
        if (overrides == null) {
            overrides = ByKind.OVERRIDES.get(kind.wireName());
        }
        if (overrides == null || !overrides.isObject()) {
            return base;
        }
        ObjectNode merged = JSON.valueToTree(base);
        merged.setAll((ObjectNode) overrides);
        try {
            return JSON.treeToValue(merged, DetectorParams.class);
        } catch (IOException e) {
            throw new IllegalStateException("bad overrides for " + kind.wireName() + " in " + BY_KIND_PATH, e);
        }
    }

    /** The metadata on the classpath, if the program was built with it. */
    public static Optional<Metadata> load() {
        try (InputStream in = ShippedDefault.class.getResourceAsStream("/" + METADATA_PATH)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(JSON.readTree(in)));
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ShippedDefault.class).warn("cannot read {}: {}", METADATA_PATH,
                    e.toString());
            return Optional.empty();
        }
    }

    public static Metadata read(Path file) {
        try {
            return parse(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Metadata parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("shipped model metadata is not a JSON object");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        JsonNode p = root.path("params");
        if (p.isObject()) {
            params.putAll(JSON.convertValue(p, Map.class));
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber()) {
                metrics.put(e.getKey(), e.getValue().asDouble());
            }
        }
        Map<String, String> produced = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("produced").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode()) {
                produced.put(e.getKey(), e.getValue().asText());
            }
        }
        return new Metadata(root.path("kind").asText(Training.KIND), root.path("scope").asText("shipped"),
                root.path("artifact").asText("default.json"), params, metrics, produced);
    }

    /**
     * Writes the metadata beside {@code artifact} ({@code <artifact>.json}), as the benchmark does with
     * {@code --write-default}.
     */
    public static Path writeMetadata(Path artifact, DetectorParams params, Map<String, Double> metrics,
                                     Map<String, String> produced) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", Training.KIND);
        doc.put("scope", "shipped");
        doc.put("artifact", artifact.getFileName().toString());
        doc.put("params", params.asMap());
        doc.put("metrics", metrics);
        doc.put("produced", produced);
        Path meta = artifact.resolveSibling(artifact.getFileName() + ".json");
        try {
            Files.createDirectories(meta.toAbsolutePath().getParent());
            JSON.writeValue(meta.toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + meta, e);
        }
        return meta;
    }
}
