package ai.vidyut.console.cli;

import ai.vidyut.console.alerts.AlertService;
import ai.vidyut.console.detect.Anomaly;
import ai.vidyut.console.detect.AnomalyBuilder;
import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.detect.DetectorParams;
import ai.vidyut.console.detect.HistoryScan;
import ai.vidyut.console.detect.SeriesDetector;
import ai.vidyut.console.detect.SeriesTable;
import ai.vidyut.console.detect.Timestamps;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.store.DataDir;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vidyut detect --input series.csv --output scores.csv [--seed N]}: scores every row causally (as if the rows
 * arrived one by one) and writes {@code timestamp,value,anomaly_score,label,type}. Prints a JSON summary.
 *
 * <p>{@code vidyut detect --site S [--asset A] [--metric M] [--from T] [--to T]} (no {@code --input}): batch
 * detection over the stored history of a site ({@link HistoryScan}); stores the anomalies it finds (never twice)
 * and prints a JSON summary.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Score a time series CSV for anomalies (causal, deterministic for a seed). Input: header "
                + "'timestamp' then one or more numeric columns. Output: timestamp,value,anomaly_score,label,type.",
                "Without --input: scan the stored history of --site (optionally --asset, --metric, --from, --to) "
                        + "and store the anomalies found (re-scanning stores nothing twice)."})
public final class DetectCommand implements Callable<Integer> {

    @ParentCommand
    private VidyutCommand root;

    @Option(names = "--input", paramLabel = "CSV", description = "Input series CSV.")
    private Path input;

    @Option(names = "--output", paramLabel = "CSV", description = "Output scores CSV (required with --input).")
    private Path output;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed of the trained detectors (default: the "
            + "parameters' seed).")
    private Long seed;

    @Option(names = "--params", paramLabel = "JSON", description = "Detector parameters (default: the shipped "
            + "models/detect/default.json).")
    private Path paramsFile;

    @Option(names = "--threshold", paramLabel = "T", description = "Label threshold in [0,1] (default: the "
            + "parameters' benchmark-chosen threshold).")
    private Double threshold;

    @Option(names = "--save", description = "Also store the merged anomalies (and raise alerts) in the data folder.")
    private boolean save;

    @Option(names = "--site", description = "Site id for --save (default: csv); without --input: the site whose "
            + "stored history is scanned.")
    private String site;

    @Option(names = "--asset", description = "Asset id for --save (default: the input file name); without --input: "
            + "scan only this asset.")
    private String asset;

    @Option(names = "--metric", description = "Without --input: scan only this metric.")
    private String metric;

    @Option(names = "--from", paramLabel = "T", description = "Without --input: scan from this time (ISO-8601 or "
            + "epoch ms; default: the beginning).")
    private String from;

    @Option(names = "--to", paramLabel = "T", description = "Without --input: scan up to this time, exclusive "
            + "(default: the end).")
    private String to;

    @Override
    public Integer call() throws Exception {
        if (input == null) {
            return scanHistory();
        }
        if (output == null) {
            throw new IllegalArgumentException("--output is required with --input");
        }
        if (metric != null || from != null || to != null) {
            throw new IllegalArgumentException("--metric, --from and --to apply to stored history (--site without "
                    + "--input)");
        }
        long t0 = System.nanoTime();
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("input file not found: " + input);
        }
        DetectorParams params = paramsFile != null ? DetectorParams.read(paramsFile) : DetectorParams.shippedDefault();
        if (seed != null) {
            params = params.withSeed(seed);
        }
        if (threshold != null) {
            if (threshold < 0 || threshold > 1) {
                throw new IllegalArgumentException("--threshold must be in [0, 1]");
            }
            params = params.withThreshold(threshold);
        }
        SeriesTable table = SeriesTable.read(input, true);
        String assetId = asset != null ? asset : input.getFileName().toString().replaceAll("\\.csv$", "");
        String metric = table.columns().get(0);
        List<Anomaly> anomalies = new ArrayList<>();
        AnomalyBuilder builder = new AnomalyBuilder(site != null ? site : "csv", assetId, metric, params, 2,
                anomalies::add);
        SeriesDetector detector = new SeriesDetector(params, table.columns());
        List<String> raw = table.rawTimestamps();
        double[] row = new double[table.columns().size()];
        long labelled = 0;
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
             CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out)) {
            csv.writeRecord("timestamp", "value", "anomaly_score", "label", "type");
            for (int i = 0; i < table.size(); i++) {
                long ts = table.timestamp(i);
                table.row(i, row);
                SeriesDetector.Result r = detector.update(ts, row);
                builder.accept(ts, row[0], r);
                if (r.anomalous()) {
                    labelled++;
                }
                csv.writeRecord(raw.get(i), Double.isNaN(row[0]) ? "" : Double.toString(row[0]),
                        formatScore(r.score()), r.anomalous() ? "1" : "0",
                        r.anomalous() ? r.type().wireName() : "");
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + output + ": " + e.getMessage(), e);
        }
        builder.flush();
        if (save) {
            try (Database db = Database.open(root.dataDir())) {
                AnomalyStore store = new AnomalyStore(db);
                AlertService alerts = new AlertService(db);
                for (Anomaly a : anomalies) {
                    alerts.raise(store.save(a));
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", table.size());
        summary.put("columns", table.columns());
        summary.put("anomalousRows", labelled);
        summary.put("anomalies", anomalies.size());
        summary.put("threshold", params.threshold());
        summary.put("seed", params.seed());
        summary.put("saved", save);
        summary.put("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1000.0);
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        return 0;
    }

    private Integer scanHistory() throws Exception {
        if (site == null) {
            throw new IllegalArgumentException("give --input CSV (score a file) or --site S (scan stored history)");
        }
        if (output != null || save || paramsFile != null || seed != null || threshold != null) {
            throw new IllegalArgumentException("--output, --save, --params, --seed and --threshold apply to --input; "
                    + "a stored-history scan uses each series' active model parameters");
        }
        long t0 = System.nanoTime();
        long fromMillis = from == null ? Long.MIN_VALUE : parseTime("--from", from);
        long toMillis = to == null ? Long.MAX_VALUE : parseTime("--to", to);
        if (fromMillis >= toMillis) {
            throw new IllegalArgumentException("--from must be before --to");
        }
        HistoryScan.Summary s;
        try (Database db = Database.open(root.dataDir())) {
            SiteStore sites = new SiteStore(db);
            if (sites.site(site).isEmpty()) {
                throw new IllegalArgumentException("unknown site: " + site);
            }
            HistoryScan scan = new HistoryScan(new ReadingStore(db, sites), new AnomalyStore(db),
                    new ModelRegistry(db, DataDir.modelsDir(root.dataDir())));
            s = scan.scan(site, asset, metric, fromMillis, toMillis);
        }
        if (s.series() == 0) {
            throw new IllegalArgumentException("no stored series of site " + site
                    + (asset != null ? " asset " + asset : "") + (metric != null ? " metric " + metric : ""));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("site", site);
        summary.put("asset", asset);
        summary.put("metric", metric);
        summary.put("from", from == null ? null : java.time.Instant.ofEpochMilli(fromMillis).toString());
        summary.put("to", to == null ? null : java.time.Instant.ofEpochMilli(toMillis).toString());
        summary.put("series", s.series());
        summary.put("readings", s.readings());
        summary.put("anomaliesFound", s.anomaliesFound());
        summary.put("anomaliesStored", s.anomaliesStored());
        summary.put("alreadyStored", s.alreadyStored());
        summary.put("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1000.0);
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        return 0;
    }

    private static long parseTime(String option, String text) {
        try {
            return Timestamps.parse(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + ": not a time: " + text
                    + " (use ISO-8601 such as 2026-03-01T00:00:00Z, or epoch milliseconds)");
        }
    }

    /** Six decimals without String.format (a million rows must take seconds, not tens of seconds). */
    static String formatScore(double s) {
        long micros = Math.round(s * 1_000_000);
        if (micros >= 1_000_000) {
            return "1.000000";
        }
        String digits = Long.toString(1_000_000 + micros);
        return "0." + digits.substring(1);
    }
}
