package ai.vidyut.console.ui.models;

import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.views.ViewContext;
import ai.vidyut.console.ui.views.ViewController;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every training run in the model registry with its metrics and the active version; activate or revert. */
public final class ModelsController implements ViewController {

    private final ViewContext ctx;
    private final ModelsModel model = new ModelsModel();
    private ModelRegistry registry;

    @FXML private Label subtitle;
    @FXML private Button activateButton;
    @FXML private Button revertButton;
    @FXML private TableView<ModelRun> runTable;
    @FXML private Label messageLabel;

    public ModelsController(ViewContext ctx) {
        this.ctx = ctx;
    }

    public ModelsModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        runTable.setId("runTable");
        activateButton.setId("activateButton");
        revertButton.setId("revertButton");
        runTable.getColumns().setAll(List.of(
                column("Id", 50, ModelRun::id),
                column("Kind", 140, ModelRun::kind),
                column("Scope", 200, ModelRun::scope),
                column("Version", 60, ModelRun::version),
                column("Active", 60, r -> r.active() ? "*" : ""),
                column("Status", 70, ModelRun::status),
                column("Created (UTC)", 150, r -> Instant.ofEpochMilli(r.createdAtMillis()).toString().substring(0, 19)
                        .replace('T', ' ')),
                column("Metrics", 420, ModelsController::metrics)));
        SortedList<ModelRun> sorted = new SortedList<>(model.runs());
        sorted.comparatorProperty().bind(runTable.comparatorProperty());
        runTable.setItems(sorted);
        runTable.setPlaceholder(new Label("No training runs yet (vidyut models train)."));
        activateButton.disableProperty().bind(runTable.getSelectionModel().selectedItemProperty().isNull());
        revertButton.disableProperty().bind(runTable.getSelectionModel().selectedItemProperty().isNull());
        messageLabel.textProperty().bind(model.messageProperty());
        registry = ctx.backend().runtime().map(ConsoleRuntime::registry).orElse(null);
        if (registry == null) {
            model.messageProperty().set("The model registry needs the console runtime.");
            return;
        }
        refresh();
    }

    @Override
    public void shown() {
        refresh();
    }

    static String metrics(ModelRun r) {
        if (r.message() != null && !ModelRun.TRAINED.equals(r.status())) {
            return r.message();
        }
        return r.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(Locale.ROOT, "%s=%.3g", e.getKey(), e.getValue()))
                .collect(Collectors.joining("  "));
    }

    private static <T> TableColumn<ModelRun, T> column(String name, double width, Function<ModelRun, T> value) {
        TableColumn<ModelRun, T> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    @FXML
    void refresh() {
        if (registry == null) {
            return;
        }
        ctx.background().run(() -> registry.runs(null, null), runs -> {
            model.runs().setAll(runs);
            subtitle.setText(runs.size() + " runs");
        }, e -> model.messageProperty().set("Cannot read the registry: " + Background.message(e)));
    }

    @FXML
    void activate() {
        ModelRun run = runTable.getSelectionModel().getSelectedItem();
        if (run == null || registry == null) {
            return;
        }
        ctx.background().run(() -> registry.activate(run.id()), r -> {
            model.messageProperty().set("Run " + r.id() + " (v" + r.version() + ") is active for " + r.scope() + ".");
            refresh();
        }, e -> model.messageProperty().set(Background.message(e)));
    }

    @FXML
    void revert() {
        ModelRun run = runTable.getSelectionModel().getSelectedItem();
        if (run == null || registry == null) {
            return;
        }
        ctx.background().run(() -> registry.revert(run.kind(), run.scope()), now -> {
            model.messageProperty().set(now.map(r -> "Run " + r.id() + " is active again for " + r.scope() + ".")
                    .orElse("No run is active for " + run.scope() + "."));
            refresh();
        }, e -> model.messageProperty().set(Background.message(e)));
    }
}
