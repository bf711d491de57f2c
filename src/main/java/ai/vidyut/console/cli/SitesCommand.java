package ai.vidyut.console.cli;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.store.ValidationException;
import ai.vidyut.console.telemetry.Site;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vidyut sites list|add|edit|delete}: the sites the console knows. */
@Command(name = "sites", mixinStandardHelpOptions = true,
        description = "List, add, edit and delete sites.",
        subcommands = {SitesCommand.ListSites.class, SitesCommand.AddSite.class, SitesCommand.EditSite.class,
                SitesCommand.DeleteSite.class})
public final class SitesCommand {

    static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    VidyutCommand root;

    static Map<String, Object> json(Site s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("latitude", orNull(s.latitude()));
        m.put("longitude", orNull(s.longitude()));
        m.put("timeZone", s.timeZone());
        m.put("capacityKw", orNull(s.capacityKw()));
        m.put("discovered", s.discovered());
        return m;
    }

    static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    static String text(double v) {
        return Double.isNaN(v) ? "-" : Double.toString(v);
    }

    /** Options shared by add and edit; null means "not given". */
    static class SiteOptions {
        @Option(names = "--name", description = "Display name (default: the id).")
        String name;
        @Option(names = {"--lat", "--latitude"}, description = "Latitude in degrees, -90..90.")
        Double latitude;
        @Option(names = {"--lon", "--longitude"}, description = "Longitude in degrees, -180..180.")
        Double longitude;
        @Option(names = {"--time-zone", "--tz"}, paramLabel = "ZONE",
                description = "Time zone region id, e.g. Europe/Berlin, Asia/Kolkata, UTC (default UTC).")
        String timeZone;
        @Option(names = "--capacity-kw", paramLabel = "KW", description = "Rated capacity in kW.")
        Double capacityKw;

        Site applyTo(Site base) {
            return new Site(base.id(), name != null ? name : base.name(),
                    latitude != null ? latitude : base.latitude(),
                    longitude != null ? longitude : base.longitude(),
                    timeZone != null ? timeZone : base.timeZone(),
                    capacityKw != null ? capacityKw : base.capacityKw(), false);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List sites (a table, or JSON with --json).")
    static final class ListSites implements Callable<Integer> {
        @ParentCommand
        SitesCommand parent;
        @Option(names = "--json", description = "Print a JSON array of sites.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dataDir())) {
                List<Site> sites = new SiteStore(db).sites();
                PrintStream out = System.out;
                if (json) {
                    out.println(JSON.writeValueAsString(sites.stream().map(SitesCommand::json).toList()));
                } else {
                    out.printf("%-20s %-28s %10s %11s %-20s %12s %s%n", "ID", "NAME", "LAT", "LON", "TIME ZONE",
                            "CAPACITY_KW", "DISCOVERED");
                    for (Site s : sites) {
                        out.printf("%-20s %-28s %10s %11s %-20s %12s %s%n", s.id(), s.name(), text(s.latitude()),
                                text(s.longitude()), s.timeZone(), text(s.capacityKw()), s.discovered() ? "yes" : "no");
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a site. Prints the saved site as JSON. Fails if the id exists.")
    static final class AddSite implements Callable<Integer> {
        @ParentCommand
        SitesCommand parent;
        @Parameters(paramLabel = "ID", description = "Site id: letters, digits, '.', '_', '-'.")
        String id;
        @picocli.CommandLine.Mixin
        SiteOptions options = new SiteOptions();

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dataDir())) {
                SiteStore store = new SiteStore(db);
                Site site = options.applyTo(new Site(id, null, Double.NaN, Double.NaN, "UTC", Double.NaN, false));
                store.createSite(site);
                System.out.println(JSON.writeValueAsString(json(store.site(id).orElseThrow())));
            }
            return 0;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = "Change the given fields of a site (others stay). Prints the saved site as JSON.")
    static final class EditSite implements Callable<Integer> {
        @ParentCommand
        SitesCommand parent;
        @Parameters(paramLabel = "ID")
        String id;
        @picocli.CommandLine.Mixin
        SiteOptions options = new SiteOptions();

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dataDir())) {
                SiteStore store = new SiteStore(db);
                Site existing = store.site(id).orElseThrow(() -> new ValidationException("unknown site '" + id + "'"));
                store.updateSite(options.applyTo(existing));
                System.out.println(JSON.writeValueAsString(json(store.site(id).orElseThrow())));
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a site with its assets and all their stored readings.")
    static final class DeleteSite implements Callable<Integer> {
        @ParentCommand
        SitesCommand parent;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dataDir())) {
                if (!new SiteStore(db).deleteSite(id)) {
                    throw new ValidationException("unknown site '" + id + "'");
                }
                System.out.println(JSON.writeValueAsString(Map.of("deleted", id)));
            }
            return 0;
        }
    }
}
