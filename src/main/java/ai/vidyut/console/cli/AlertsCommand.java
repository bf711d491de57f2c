package ai.vidyut.console.cli;

import ai.vidyut.console.alerts.Alert;
import ai.vidyut.console.alerts.AlertService;
import ai.vidyut.console.detect.Anomaly;
import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.store.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vidyut alerts list|ack} and {@code vidyut alerts anomalies|stats}: alerts and stored anomalies as JSON. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "List and acknowledge alerts; list stored anomalies and per-site anomaly statistics (JSON).",
        subcommands = {AlertsCommand.ListAlerts.class, AlertsCommand.Ack.class, AlertsCommand.Anomalies.class,
                AlertsCommand.Stats.class})
public final class AlertsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    VidyutCommand root;

    @Override
    public Integer call() {
        System.out.println("usage: vidyut alerts list|ack|anomalies|stats (see --help)");
        return 2;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Open alerts (or all with --all), newest first.")
    static final class ListAlerts implements Callable<Integer> {
        @ParentCommand
        AlertsCommand parent;
        @Option(names = "--all", description = "Include acknowledged alerts.")
        boolean all;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dataDir())) {
                AlertService alerts = new AlertService(db);
                List<Alert> list = all ? alerts.all() : alerts.open();
                System.out.println(JSON.writeValueAsString(list));
                return 0;
            }
        }
    }

    @Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledge one alert, or all with --all.")
    static final class Ack implements Callable<Integer> {
        @ParentCommand
        AlertsCommand parent;
        @Parameters(paramLabel = "ID", arity = "0..1")
        Long id;
        @Option(names = "--all", description = "Acknowledge every open alert.")
        boolean all;

        @Override
        public Integer call() throws Exception {
            if ((id == null) == !all) {
                throw new IllegalArgumentException("give an alert ID or --all");
            }
            try (Database db = Database.open(parent.root.dataDir())) {
                AlertService alerts = new AlertService(db);
                int n = all ? alerts.acknowledgeAll() : (alerts.acknowledge(id) ? 1 : 0);
                if (!all && n == 0) {
                    throw new IllegalArgumentException("no open alert " + id);
                }
                System.out.println(JSON.writeValueAsString(Map.of("acknowledged", n)));
                return 0;
            }
        }
    }

    @Command(name = "anomalies", mixinStandardHelpOptions = true, description = "Stored anomalies, oldest first.")
    static final class Anomalies implements Callable<Integer> {
        @ParentCommand
        AlertsCommand parent;
        @Option(names = "--site", description = "Only this site.")
        String site;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dataDir())) {
                List<Anomaly> list = new AnomalyStore(db).list(site);
                System.out.println(JSON.writeValueAsString(list));
                return 0;
            }
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Anomaly statistics of a site: count, avg/max confidence, by hour, by weekday, per day.")
    static final class Stats implements Callable<Integer> {
        @ParentCommand
        AlertsCommand parent;
        @Option(names = "--site", required = true)
        String site;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dataDir())) {
                System.out.println(JSON.writeValueAsString(new AnomalyStore(db).stats(site)));
                return 0;
            }
        }
    }
}
