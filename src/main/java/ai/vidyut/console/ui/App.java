package ai.vidyut.console.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.nio.file.Path;

/** The console window. (Placeholder shell; the real main window is being built.) */
public final class App extends Application {

    private static volatile Path dataDir;

    public static void launchWindow(Path dir) {
        dataDir = dir;
        Application.launch(App.class);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Vidyut Console");
        stage.setScene(new Scene(new Label("Vidyut Console — data in " + dataDir), 800, 600));
        stage.show();
    }
}
