package ai.vidyut.console.cli;

import ai.vidyut.console.store.DataDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The root command. Every capability is a subcommand; with none, the console window opens.
 * {@code --data-dir} is inherited by every subcommand.
 */
@Command(name = "vidyut", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Vidyut Console: live energy-site telemetry, history, anomaly detection, forecasting, "
                + "maintenance and voice commands. Without a subcommand, opens the console window.",
        subcommands = {
                StatsCommand.class,
                SimulateCommand.class,
                IngestCommand.class,
                SitesCommand.class,
                AssetsCommand.class,
                ImportCommand.class,
                ExportCommand.class,
                DetectCommand.class,
                ModelsCommand.class,
                AlertsCommand.class,
                MaintenanceCommand.class,
                ForecastCommand.class,
                BacktestCommand.class,
                CommandCommand.class,
                VoiceCommandLine.class,
                CommandLine.HelpCommand.class
        })
public final class VidyutCommand implements Callable<Integer> {

    private static volatile boolean windowOpened;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data folder (database, settings, models). Default: $VIDYUT_DATA_DIR or ~/.vidyut")
    private Path dataDir;

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new VidyutCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new CliErrors());
        return cl;
    }

    public Path dataDir() {
        return dataDir != null ? dataDir : DataDir.defaultDir();
    }

    public static boolean windowOpened() {
        return windowOpened;
    }

    @Override
    public Integer call() throws Exception {
        windowOpened = true;
        // Loaded reflectively so that the CLI never touches JavaFX classes unless the window is wanted.
        Class.forName("ai.vidyut.console.ui.App")
                .getMethod("launchWindow", Path.class)
                .invoke(null, dataDir());
        return 0;
    }
}
