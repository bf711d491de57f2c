package ai.vidyut.console.ui.views;

import java.util.List;
import java.util.Optional;

/**
 * The console's views, in the order of the shell's view bar. Adding a view is one line here, plus its
 * {@code fxml/<id>.fxml} (with {@code fx:controller}) and its {@code ui.<id>} package (controller + model).
 */
public final class Views {

    public static final String DASHBOARD = "dashboard";
    public static final String HISTORY = "history";
    public static final String SITES = "sites";
    public static final String ANOMALIES = "anomalies";
    public static final String FORECAST = "forecast";
    public static final String MAINTENANCE = "maintenance";
    public static final String MODELS = "models";
    public static final String VOICE = "voice";

    private static final List<ViewSpec> ALL = List.of(
            new ViewSpec(DASHBOARD, "Dashboard", true),
            new ViewSpec(HISTORY, "History", true),
            new ViewSpec(ANOMALIES, "Anomalies", true),
            new ViewSpec(FORECAST, "Forecast", true),
            new ViewSpec(MAINTENANCE, "Maintenance", true),
            new ViewSpec(SITES, "Site & assets", true),
            new ViewSpec(MODELS, "Models", false),
            new ViewSpec(VOICE, "Voice", false)
    );

    private Views() {
    }

    public static List<ViewSpec> all() {
        return ALL;
    }

    public static Optional<ViewSpec> byId(String id) {
        return ALL.stream().filter(v -> v.id().equals(id)).findFirst();
    }
}
