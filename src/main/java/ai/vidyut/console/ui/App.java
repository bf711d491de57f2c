package ai.vidyut.console.ui;

import ai.vidyut.console.ui.shell.Shell;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The console window. The backend (database, pipeline, sources) is opened in {@link #init()}, which JavaFX
 * runs on the launcher thread, so the FX thread never waits for the database; closing the window stops the
 * live feed, the UI's workers and the backend.
 */
public final class App extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private static volatile Path dataDir;

    private ConsoleBackend backend;
    private Shell shell;
    private Throwable startupError;

    /** Entry point used by {@code vidyut} without a subcommand (called reflectively by the CLI root). */
    public static void launchWindow(Path dir) {
        dataDir = dir;
        Application.launch(App.class);
        // Sources may own non-daemon threads (sockets, brokers): closing the window ends the program.
        System.exit(0);
    }

    @Override
    public void init() {
        try {
            backend = Backends.open(dataDir != null ? dataDir : ai.vidyut.console.store.DataDir.defaultDir());
        } catch (Throwable e) {
            LOG.error("cannot start the console backend", e);
            startupError = e;
        }
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Vidyut Console");
        if (startupError != null) {
            Label error = new Label("Vidyut Console cannot start: " + Background.message(startupError)
                    + "\n\nData folder: " + dataDir);
            error.setWrapText(true);
            error.getStyleClass().add("startup-error");
            Scene scene = new Scene(error, 720, 260);
            scene.getStylesheets().add(Theme.url());
            stage.setScene(scene);
            stage.show();
            return;
        }
        shell = new Shell(backend);
        Scene scene = shell.scene(1440, 900);
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setOnCloseRequest(e -> Platform.exit());
        stage.show();
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
        if (backend != null) {
            Thread closer = new Thread(backend::close, "backend-close");
            closer.start();
            try {
                closer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
