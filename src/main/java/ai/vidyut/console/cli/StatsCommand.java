package ai.vidyut.console.cli;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.QuarantineStore;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vidyut stats}: one JSON object describing what the history holds. Stable output shape. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print counts of stored readings, quarantined messages, sites and assets as one JSON object.")
public final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    private VidyutCommand root;

    @Override
    public Integer call() throws Exception {
        try (Database db = Database.open(root.dataDir())) {
            SiteStore sites = new SiteStore(db);
            QuarantineStore quarantine = new QuarantineStore(db);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("readings", new ReadingStore(db, sites).count());
            out.put("quarantined", quarantine.count());
            out.put("quarantinedByReason", quarantine.countByReason());
            out.put("sites", sites.countSites());
            out.put("assets", sites.countAssets());
            System.out.println(new ObjectMapper().writeValueAsString(out));
        }
        return 0;
    }
}
