package ai.vidyut.console.cli;

import ai.vidyut.console.maintain.AssetAssessment;
import ai.vidyut.console.maintain.LiveHealthModel;
import ai.vidyut.console.maintain.MaintenanceService;
import ai.vidyut.console.maintain.SignalCondition;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.store.DataDir;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vidyut maintenance features --site S [--as-of T] --output F}: the live condition features of every assessed
 * asset of a site, one row per asset, with an empty {@code label} column for an engineer to fill in and train a
 * site-specific live model with {@code train-health --live}.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Write the live condition features of a site's assets (one row per asset) with an empty label "
                + "column, for labelling and `train-health --live`.")
final class MaintenanceFeatures implements Callable<Integer> {

    @ParentCommand
    MaintenanceCommand parent;

    @Option(names = "--site", required = true, paramLabel = "ID")
    String site;
    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "Assess the history up to this time (ISO-8601; default: the site's latest reading).")
    Instant asOf;
    @Option(names = "--output", required = true, paramLabel = "FILE", description = "CSV to write.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Path dataDir = parent.root.dataDir();
        try (Database db = Database.open(dataDir)) {
            SiteStore sites = new SiteStore(db);
            if (sites.site(site).isEmpty()) {
                throw new IllegalArgumentException("unknown site: " + site);
            }
            ReadingStore readings = new ReadingStore(db, sites);
            MaintenanceService service = MaintenanceService.live(db, sites, readings,
                    new ModelRegistry(db, DataDir.modelsDir(dataDir)), MaintenanceService.Settings.defaults(),
                    Clock.systemUTC());
            Instant at = asOf != null ? asOf : service.latestReading(site);
            if (at == null) {
                throw new IllegalArgumentException("site " + site + " has no readings");
            }
            List<AssetAssessment> assessments = service.assess(site, at);
            List<String> features = LiveHealthModel.featureColumns();
            List<String> header = new ArrayList<>(LiveHealthModel.ID_COLUMNS);
            header.addAll(features);
            header.add("label");
            try (Writer w = MaintenanceCommand.open(output)) {
                w.write(String.join(",", header) + "\n");
                for (AssetAssessment a : assessments) {
                    Map<String, Double> f = new HashMap<>();
                    for (SignalCondition c : a.signals()) {
                        f.putAll(c.features());
                    }
                    List<String> row = new ArrayList<>(List.of(a.siteId(), a.assetId(), clean(a.assetName()),
                            a.kind().wireName(), at.toString()));
                    for (String name : features) {
                        Double v = f.get(name);
                        row.add(v == null || v.isNaN() || v.isInfinite() ? "" : Double.toString(v));
                    }
                    row.add("");
                    w.write(String.join(",", row) + "\n");
                }
            }
            System.err.println(assessments.size() + " assets written to " + output);
        }
        return 0;
    }

    /**
     * For {@code train-health --live}: the columns to drop (the user's plus the identifier columns this command
     * writes), after checking that what remains is exactly the live feature set with live health-state labels.
     */
    static List<String> liveDrops(ai.vidyut.console.maintain.Table table, String label, List<String> drop) {
        List<String> out = new ArrayList<>(drop);
        for (String id : LiveHealthModel.ID_COLUMNS) {
            if (table.has(id) && !out.contains(id)) {
                out.add(id);
            }
        }
        LiveHealthModel.checkTrainingTable(table, label, out);
        return out;
    }

    /** The span of the table's {@code asOf} column (epoch ms), or nulls when it has none. */
    static Long[] window(ai.vidyut.console.maintain.Table table) {
        if (!table.has("asOf")) {
            return new Long[] {null, null};
        }
        Long from = null;
        Long to = null;
        for (String cell : table.text("asOf")) {
            try {
                long t = Instant.parse(cell).toEpochMilli();
                from = from == null ? t : Math.min(from, t);
                to = to == null ? t : Math.max(to, t);
            } catch (java.time.format.DateTimeParseException e) {
                // not a timestamp: no window
            }
        }
        return new Long[] {from, to};
    }

    /** The maintenance tables have no quoting: keep names free of separators. */
    private static String clean(String s) {
        return s.replace(',', ' ').replace(';', ' ').strip();
    }
}
