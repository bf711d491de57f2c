package ai.vidyut.console.cli;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.store.csv.CsvFormat;
import ai.vidyut.console.store.csv.CsvImporter;
import ai.vidyut.console.store.csv.ImportOptions;
import ai.vidyut.console.store.csv.ImportResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vidyut import FILE.csv}: imports readings from CSV and prints a JSON summary. Exit 0 if the file was
 * imported, 1 if bad lines made it import nothing (the summary lists them) or the file cannot be read.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import readings from a CSV file and print a JSON summary.",
                "Long format: timestamp,site,asset,metric,value. Wide format: timestamp plus one column per "
                        + "metric (give --site and --asset).",
                "Timestamps: ISO-8601 ('T' or a space; with or without zone) or epoch milliseconds.",
                "Every bad line is reported with its line number; by default nothing is imported if any line is bad."})
public final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    private VidyutCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE.csv", description = "The CSV file.")
    private Path file;

    @Option(names = "--format", paramLabel = "auto|long|wide", defaultValue = "auto",
            description = "CSV layout (default: auto, long if the header has metric and value columns).")
    private String format;

    @Option(names = "--site", paramLabel = "SITE", description = "Site of every reading (wide format, or a long "
            + "file without a site column).")
    private String site;

    @Option(names = "--asset", paramLabel = "ASSET", description = "Asset of every reading (wide format, or a long "
            + "file without an asset column).")
    private String asset;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of timestamps without zone or offset (default UTC), e.g. Asia/Kolkata.")
    private String zone;

    @Option(names = "--skip-bad-rows", description = "Import the good lines even if some are bad.")
    private boolean skipBadRows;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "5000", description = "Readings per transaction.")
    private int batchSize;

    @Override
    public Integer call() throws Exception {
        CsvFormat f;
        try {
            f = CsvFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + format + "' (auto, long or wide)");
        }
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + zone + "'");
        }
        ImportOptions options = new ImportOptions(f, site, asset, z, skipBadRows, batchSize);
        ImportResult result;
        try (Database db = Database.open(root.dataDir())) {
            result = new CsvImporter(new ReadingStore(db, new SiteStore(db))).importFile(file, options);
        }
        System.out.println(new ObjectMapper().writeValueAsString(summary(result)));
        if (result.status() == ImportResult.Status.REJECTED) {
            spec.commandLine().getErr().println("error: " + result.badRowCount() + " bad line(s), nothing imported "
                    + "(fix them, or use --skip-bad-rows to import the good lines)");
            return 1;
        }
        return 0;
    }

    /** The stable JSON summary shape. */
    static Map<String, Object> summary(ImportResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file());
        m.put("format", r.format().name().toLowerCase(Locale.ROOT));
        m.put("status", r.status().name().toLowerCase(Locale.ROOT));
        m.put("rowsRead", r.rowsRead());
        m.put("readingsRead", r.readingsRead());
        m.put("readingsImported", r.readingsImported());
        m.put("duplicates", r.duplicates());
        m.put("badRowCount", r.badRowCount());
        List<Map<String, Object>> bad = r.badRows().stream().map(b -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line", b.line());
            row.put("reason", b.reason());
            return row;
        }).toList();
        m.put("badRows", bad);
        return m;
    }
}
