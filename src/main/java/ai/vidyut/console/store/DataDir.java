package ai.vidyut.console.store;

import java.nio.file.Path;

/** Where the console keeps its database, settings and trained models. */
public final class DataDir {

    public static final String ENV = "VIDYUT_DATA_DIR";

    private DataDir() {
    }

    /** {@code $VIDYUT_DATA_DIR} if set, else {@code ~/.vidyut}. */
    public static Path defaultDir() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".vidyut");
    }

    public static Path modelsDir(Path dataDir) {
        return dataDir.resolve("models");
    }
}
