package ai.vidyut.console.ui;

import java.nio.file.Path;

/** Opens the backend the window runs on for a data folder. */
public final class Backends {

    private Backends() {
    }

    public static ConsoleBackend open(Path dataDir) {
        return RuntimeBackend.start(dataDir);
    }
}
