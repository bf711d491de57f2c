package ai.vidyut.console.cli;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.store.ValidationException;
import ai.vidyut.console.store.csv.CsvExporter;
import ai.vidyut.console.store.csv.Timestamps;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vidyut export --site S [--asset A] [--metric M] --from T1 --to T2 FILE.csv}: long-format CSV. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export stored readings of a site as long-format CSV (timestamp,site,asset,metric,value) "
                + "and print a JSON summary.",
                "Readings with FROM <= timestamp < TO; timestamps in the file are ISO-8601 UTC."})
public final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    private VidyutCommand root;

    @Parameters(paramLabel = "FILE.csv", description = "Output file (overwritten).")
    private Path file;

    @Option(names = "--site", required = true, paramLabel = "SITE")
    private String site;

    @Option(names = "--asset", paramLabel = "ASSET", description = "Only this asset.")
    private String asset;

    @Option(names = "--metric", paramLabel = "METRIC", description = "Only this metric.")
    private String metric;

    @Option(names = "--from", paramLabel = "T1",
            description = "Start, inclusive: ISO-8601 (date, date-time, with or without zone) or epoch ms. "
                    + "Default: the beginning.")
    private String from;

    @Option(names = "--to", paramLabel = "T2", description = "End, exclusive. Default: no end.")
    private String to;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of --from/--to without zone (default UTC).")
    private String zone;

    @Override
    public Integer call() throws Exception {
        ZoneId z = ZoneId.of(zone);
        long fromMillis = from == null ? Long.MIN_VALUE : Timestamps.parse(from, z);
        long toMillis = to == null ? Long.MAX_VALUE : Timestamps.parse(to, z);
        if (fromMillis >= toMillis) {
            throw new IllegalArgumentException("--from must be before --to");
        }
        try (Database db = Database.open(root.dataDir())) {
            SiteStore sites = new SiteStore(db);
            if (sites.site(site).isEmpty()) {
                throw new ValidationException("unknown site '" + site + "'");
            }
            ReadingStore readings = new ReadingStore(db, sites);
            CsvExporter.ExportResult r = new CsvExporter(readings).export(file, site, asset, metric, fromMillis,
                    toMillis);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", r.file());
            out.put("site", site);
            out.put("asset", asset);
            out.put("metric", metric);
            out.put("from", from == null ? null : Timestamps.format(fromMillis));
            out.put("to", to == null ? null : Timestamps.format(toMillis));
            out.put("series", r.series());
            out.put("readings", r.readings());
            System.out.println(new ObjectMapper().writeValueAsString(out));
        }
        return 0;
    }
}
