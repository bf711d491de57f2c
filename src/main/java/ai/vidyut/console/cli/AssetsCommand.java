package ai.vidyut.console.cli;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.store.ValidationException;
import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Site;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static ai.vidyut.console.cli.SitesCommand.JSON;

/** {@code vidyut assets list|add|edit|delete}: the assets of the sites. */
@Command(name = "assets", mixinStandardHelpOptions = true,
        description = "List, add, edit and delete assets of a site.",
        subcommands = {AssetsCommand.ListAssets.class, AssetsCommand.AddAsset.class, AssetsCommand.EditAsset.class,
                AssetsCommand.DeleteAsset.class})
public final class AssetsCommand {

    @ParentCommand
    VidyutCommand root;

    static Map<String, Object> json(Asset a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("siteId", a.siteId());
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("kind", a.kind().wireName());
        m.put("ratedValues", new TreeMap<>(a.ratedValues()));
        m.put("discovered", a.discovered());
        return m;
    }

    /** Strict parsing for people typing a kind: an unknown kind is an error, not silently "other". */
    static AssetKind kind(String name) {
        String normalized = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return AssetKind.valueOf(normalized);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("unknown asset kind '" + name + "' (one of: "
                    + Arrays.stream(AssetKind.values()).map(AssetKind::wireName).collect(Collectors.joining(", "))
                    + ")");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the assets of one site, or of all sites (a table, or JSON with --json).")
    static final class ListAssets implements Callable<Integer> {
        @ParentCommand
        AssetsCommand parent;
        @Option(names = "--site", paramLabel = "SITE", description = "Only this site's assets.")
        String site;
        @Option(names = "--json", description = "Print a JSON array of assets.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dataDir())) {
                SiteStore store = new SiteStore(db);
                List<Asset> assets = new ArrayList<>();
                if (site != null) {
                    if (store.site(site).isEmpty()) {
                        throw new ValidationException("unknown site '" + site + "'");
                    }
                    assets.addAll(store.assets(site));
                } else {
                    for (Site s : store.sites()) {
                        assets.addAll(store.assets(s.id()));
                    }
                }
                PrintStream out = System.out;
                if (json) {
                    out.println(JSON.writeValueAsString(assets.stream().map(AssetsCommand::json).toList()));
                } else {
                    out.printf("%-16s %-16s %-24s %-16s %-10s %s%n", "SITE", "ID", "NAME", "KIND", "DISCOVERED",
                            "RATED");
                    for (Asset a : assets) {
                        out.printf("%-16s %-16s %-24s %-16s %-10s %s%n", a.siteId(), a.id(), a.name(),
                                a.kind().wireName(), a.discovered() ? "yes" : "no", new TreeMap<>(a.ratedValues()));
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an asset to an existing site. Prints the saved asset as JSON.")
    static final class AddAsset implements Callable<Integer> {
        @ParentCommand
        AssetsCommand parent;
        @Option(names = "--site", required = true, paramLabel = "SITE", description = "The asset's site (must exist).")
        String site;
        @Parameters(paramLabel = "ID", description = "Asset id, unique within the site.")
        String id;
        @Option(names = "--name", description = "Display name (default: the id).")
        String name;
        @Option(names = "--kind", required = true,
                description = "pv_array, inverter, battery, transformer, meter, hvac, pump, generator, lighting, "
                        + "weather_station or other.")
        String kind;
        @Option(names = "--rated", paramLabel = "METRIC=VALUE",
                description = "A nameplate rating, e.g. --rated power_kw=500 (repeatable).")
        Map<String, Double> rated = new LinkedHashMap<>();

        @Override
        public Integer call() throws Exception {
            AssetKind k = kind(kind);
            try (Database db = Database.open(parent.root.dataDir())) {
                SiteStore store = new SiteStore(db);
                store.createAsset(new Asset(site, id, name, k, rated, false));
                System.out.println(JSON.writeValueAsString(json(store.asset(site, id).orElseThrow())));
            }
            return 0;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = "Change the given fields of an asset (others stay). Prints the saved asset as JSON.")
    static final class EditAsset implements Callable<Integer> {
        @ParentCommand
        AssetsCommand parent;
        @Option(names = "--site", required = true, paramLabel = "SITE")
        String site;
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--name")
        String name;
        @Option(names = "--kind")
        String kind;
        @Option(names = "--rated", paramLabel = "METRIC=VALUE",
                description = "Set a nameplate rating (repeatable); other ratings stay.")
        Map<String, Double> rated = new LinkedHashMap<>();
        @Option(names = "--clear-rated", description = "Remove all ratings before applying --rated.")
        boolean clearRated;

        @Override
        public Integer call() throws Exception {
            AssetKind k = kind != null ? kind(kind) : null;
            try (Database db = Database.open(parent.root.dataDir())) {
                SiteStore store = new SiteStore(db);
                if (store.site(site).isEmpty()) {
                    throw new ValidationException("unknown site '" + site + "'");
                }
                Asset existing = store.asset(site, id).orElseThrow(
                        () -> new ValidationException("unknown asset '" + id + "' at site '" + site + "'"));
                Map<String, Double> ratings = new LinkedHashMap<>(clearRated ? Map.of() : existing.ratedValues());
                ratings.putAll(rated);
                store.updateAsset(new Asset(site, id, name != null ? name : existing.name(),
                        k != null ? k : existing.kind(), ratings, false));
                System.out.println(JSON.writeValueAsString(json(store.asset(site, id).orElseThrow())));
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete an asset and all its stored readings.")
    static final class DeleteAsset implements Callable<Integer> {
        @ParentCommand
        AssetsCommand parent;
        @Option(names = "--site", required = true, paramLabel = "SITE")
        String site;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dataDir())) {
                SiteStore store = new SiteStore(db);
                if (store.site(site).isEmpty()) {
                    throw new ValidationException("unknown site '" + site + "'");
                }
                if (!store.deleteAsset(site, id)) {
                    throw new ValidationException("unknown asset '" + id + "' at site '" + site + "'");
                }
                System.out.println(JSON.writeValueAsString(Map.of("deleted", site + "/" + id)));
            }
            return 0;
        }
    }
}
