package ai.vidyut.console.ui.shell;

import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.ConsoleBackend;
import ai.vidyut.console.ui.events.EventBus;
import ai.vidyut.console.ui.live.LiveFeed;
import ai.vidyut.console.ui.views.ViewContext;
import ai.vidyut.console.ui.views.ViewLoader;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The main window's content, built over a {@link ConsoleBackend}: event bus, live feed, background pool,
 * views. {@link ai.vidyut.console.ui.App} puts it in the stage; tests put it in theirs. {@link #close()} stops everything it started
 * (the backend is the caller's).
 */
public final class Shell implements AutoCloseable {

    private final ConsoleBackend backend;
    private final EventBus bus = new EventBus();
    private final LiveFeed live = new LiveFeed();
    private final Background background = new Background();
    private final ai.vidyut.console.ui.views.Services services = new ai.vidyut.console.ui.views.Services();
    private final ReadOnlyObjectWrapper<String> selectedSite = new ReadOnlyObjectWrapper<>();
    private final Parent root;
    private final MainController controller;
    private final ViewContext context;

    public Shell(ConsoleBackend backend) {
        this.backend = Objects.requireNonNull(backend);
        context = new ViewContext(backend, bus, live, background, services, selectedSite.getReadOnlyProperty(), this::window);
        ViewLoader loader = new ViewLoader(context);
        controller = new MainController(context, selectedSite, loader);
        FXMLLoader fxml = new FXMLLoader(Shell.class.getResource("/fxml/main.fxml"));
        fxml.setControllerFactory(type -> controller);
        try {
            root = fxml.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the main window", e);
        }
        backend.addCommittedListener(live);
        live.start();
        // Live models follow the telemetry from the start, not only once their view is opened. Detection and its
        // automatic trainer attach at once; the maintenance service loads (or first trains) its health model in the background.
        backend.runtime().ifPresent(rt -> {
            ai.vidyut.console.detect.LiveDetection detection = services.get(
                    ai.vidyut.console.detect.LiveDetection.class,
                    () -> ai.vidyut.console.detect.LiveDetection.attach(rt));
            // trains each series' detector from stored history in the background; the models view shows progress
            services.get(ai.vidyut.console.detect.AutoTraining.class,
                    () -> ai.vidyut.console.detect.AutoTraining.attach(rt, detection));
            background.run(
                    () -> services.get(ai.vidyut.console.maintain.MaintenanceService.class,
                            () -> ai.vidyut.console.maintain.MaintenanceService.attach(rt,
                                    ai.vidyut.console.live.LiveModels.MAINTENANCE_PERIOD)),
                    attached -> { },
                    e -> org.slf4j.LoggerFactory.getLogger(Shell.class).warn("live maintenance not attached", e));
        });
    }

    public Parent root() {
        return root;
    }

    public Scene scene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(ai.vidyut.console.ui.Theme.url());
        return scene;
    }

    public EventBus bus() {
        return bus;
    }

    public LiveFeed live() {
        return live;
    }

    public ViewContext context() {
        return context;
    }

    public MainController controller() {
        return controller;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @Override
    public void close() {
        live.stop();
        controller.dispose();
        services.close();
        background.close();
    }
}
