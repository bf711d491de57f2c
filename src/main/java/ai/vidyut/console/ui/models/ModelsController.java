package ai.vidyut.console.ui.models;

import ai.vidyut.console.detect.AutoTraining;
import ai.vidyut.console.detect.LiveDetection;
import ai.vidyut.console.detect.ShippedDefault;
import ai.vidyut.console.detect.eval.Training;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.registry.TrainingTasks;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.views.ViewContext;
import ai.vidyut.console.ui.views.ViewController;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ProgressBarTableCell;
import javafx.util.StringConverter;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every training run in the model registry with its metrics and the active version; activate or revert. Below, the
 * automatic trainer's tasks with their progress (polled a few times a second, re-read only when they changed) and
 * "Train now" for a chosen series.
 */
public final class ModelsController implements ViewController {

    /** How often the task list is looked at; it is re-read only when a trainer reported something. */
    static final long TASK_POLL_MILLIS = 250;

    private final ViewContext ctx;
    private final ModelsModel model = new ModelsModel();
    private ModelRegistry registry;
    private AutoTraining trainer;
    private ScheduledFuture<?> taskPoll;
    private long seenTasks = -1;
    private final java.util.Set<Long> finishedSeen = new java.util.HashSet<>();

    @FXML private Label subtitle;
    @FXML private Button activateButton;
    @FXML private Button revertButton;
    @FXML private TableView<ModelRun> runTable;
    @FXML private Label messageLabel;
    @FXML private Label shippedLabel;
    private final Optional<ShippedDefault.Metadata> shipped = ShippedDefault.load();
    @FXML private TableView<TrainingTasks.Task> taskTable;
    @FXML private ComboBox<SeriesKey> seriesChoice;
    @FXML private Button trainNowButton;

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
        shippedLabel.setId("shippedLabel");
        shippedLabel.textProperty().bind(model.shippedProperty());
        model.shippedProperty().set(shippedLine(List.of(), shipped));
        initTasks();
        registry = ctx.backend().runtime().map(ConsoleRuntime::registry).orElse(null);
        if (registry == null) {
            model.messageProperty().set("The model registry needs the console runtime.");
            return;
        }
        refresh();
    }

    private void initTasks() {
        taskTable.setId("taskTable");
        seriesChoice.setId("seriesChoice");
        trainNowButton.setId("trainNowButton");
        TableColumn<TrainingTasks.Task, Double> progress = new TableColumn<>("Progress");
        progress.setPrefWidth(140);
        progress.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(
                f.getValue().state() == TrainingTasks.State.QUEUED ? 0.0 : f.getValue().fraction()));
        progress.setCellFactory(ProgressBarTableCell.forTableColumn());
        taskTable.getColumns().setAll(List.of(
                taskColumn("Task", 50, TrainingTasks.Task::id),
                taskColumn("Scope", 220, TrainingTasks.Task::scope),
                taskColumn("Trigger", 80, TrainingTasks.Task::trigger),
                taskColumn("State", 80, t -> t.state().name().toLowerCase(Locale.ROOT)),
                progress,
                taskColumn("Message", 520, TrainingTasks.Task::message)));
        taskTable.setItems(model.tasks());
        seriesChoice.setItems(model.series());
        seriesChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(SeriesKey key) {
                return key == null ? "" : key.toString();
            }

            @Override
            public SeriesKey fromString(String s) {
                return null;
            }
        });
        trainer = ctx.services().find(AutoTraining.class).orElse(null);
        trainNowButton.disableProperty().bind(seriesChoice.valueProperty().isNull());
        if (trainer == null) {
            taskTable.setPlaceholder(new Label("Automatic training runs in the console window on a live runtime."));
            trainNowButton.disableProperty().unbind();
            trainNowButton.setDisable(true);
            return;
        }
        taskTable.setPlaceholder(new Label("No training tasks yet. Series train automatically once they have "
                + minimumHistory(trainer) + "."));
        TrainingTasks tasks = trainer.tasks();
        taskPoll = ctx.background().every(TASK_POLL_MILLIS, () -> {
            long v = tasks.version();
            if (v == seenTasks) {
                return;
            }
            seenTasks = v;
            List<TrainingTasks.Task> now = tasks.snapshot();
            boolean newRuns = false;
            for (TrainingTasks.Task t : now) {
                if (t.finished() && finishedSeen.add(t.id())) {
                    newRuns = true; // a finished task recorded a run: the run list is out of date
                }
            }
            boolean refreshRuns = newRuns;
            Platform.runLater(() -> {
                model.tasks().setAll(now);
                if (refreshRuns) {
                    refresh();
                }
            });
        });
    }

    private static String minimumHistory(AutoTraining t) {
        return ai.vidyut.console.detect.eval.HistoryTraining.human(t.settings().training().minHistory().toMillis())
                + " and " + t.settings().training().minReadings() + " readings of history";
    }

    @Override
    public void dispose() {
        if (taskPoll != null) {
            taskPoll.cancel(false);
        }
    }

    @FXML
    void trainNow() {
        SeriesKey key = seriesChoice.getValue();
        if (key == null || trainer == null) {
            return;
        }
        ctx.background().run(() -> trainer.trainNow(key), t -> model.messageProperty().set(
                "Training of " + key + " is queued (task " + t.id() + ")."),
                e -> model.messageProperty().set(Background.message(e)));
    }

    private static <T> TableColumn<TrainingTasks.Task, T> taskColumn(String name, double width,
                                                                     Function<TrainingTasks.Task, T> value) {
        TableColumn<TrainingTasks.Task, T> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    @Override
    public void shown() {
        refresh();
    }

    /**
     * Which anomaly-detection scopes run on the shipped default: live detection uses a series' active run, else the
     * active {@code global} run, else {@code models/detect/default.json} with the overrides of
     * {@code models/detect/by-kind.json} for the asset's kind.
     */
    static String shippedLine(List<ModelRun> runs, Optional<ShippedDefault.Metadata> metadata) {
        Optional<ModelRun> global = runs.stream()
                .filter(r -> Training.KIND.equals(r.kind()) && "global".equals(r.scope()) && r.active()).findFirst();
        String about = metadata.map(ShippedDefault.Metadata::summary).filter(s -> !s.isBlank())
                .map(s -> " — " + s).orElse(" — no metadata found");
        if (global.isPresent()) {
            return "Anomaly detection: global run " + global.get().id() + " (v" + global.get().version()
                    + ") is active; the shipped default (" + ShippedDefault.PATH + ") is not in use" + about;
        }
        long ownActive = runs.stream().filter(r -> Training.KIND.equals(r.kind()) && !"global".equals(r.scope())
                && r.active()).map(ModelRun::scope).distinct().count();
        String which = ownActive == 0 ? "every series"
                : "every series except the " + ownActive + " with an active run of their own";
        return "Anomaly detection active: shipped default (" + ShippedDefault.PATH + ") for " + which
                + ", with the alarm delays of " + ShippedDefault.BY_KIND_PATH + " per asset kind" + about;
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
            model.shippedProperty().set(shippedLine(runs, shipped));
        }, e -> model.messageProperty().set("Cannot read the registry: " + Background.message(e)));
        if (trainer != null) {
            ctx.background().run(trainer::storedSeries, keys -> {
                SeriesKey chosen = seriesChoice.getValue();
                model.series().setAll(keys);
                seriesChoice.setValue(chosen != null && keys.contains(chosen) ? chosen
                        : ai.vidyut.console.ui.SeriesChoice.defaultSeries(keys));
            }, e -> model.messageProperty().set("Cannot list the stored series: " + Background.message(e)));
        }
    }

    @FXML
    void activate() {
        ModelRun run = runTable.getSelectionModel().getSelectedItem();
        if (run == null || registry == null) {
            return;
        }
        ctx.background().run(() -> reloaded(registry.activate(run.id())), r -> {
            model.messageProperty().set("Run " + r.id() + " (v" + r.version() + ") is active for " + r.scope() + ".");
            refresh();
        }, e -> model.messageProperty().set(Background.message(e)));
    }

    /** Live detection picks up what is now active for the run's scope. */
    private ModelRun reloaded(ModelRun run) {
        if (Training.KIND.equals(run.kind())) {
            ctx.services().find(LiveDetection.class).ifPresent(live -> {
                String[] p = run.scope().split("/", -1);
                if (p.length == 3) {
                    live.reload(new SeriesKey(p[0], p[1], p[2]));
                } else {
                    live.reloadAll();
                }
            });
        }
        return run;
    }

    @FXML
    void revert() {
        ModelRun run = runTable.getSelectionModel().getSelectedItem();
        if (run == null || registry == null) {
            return;
        }
        ctx.background().run(() -> {
            Optional<ModelRun> now = registry.revert(run.kind(), run.scope());
            reloaded(run);
            return now;
        }, now -> {
            model.messageProperty().set(now.map(r -> "Run " + r.id() + " is active again for " + r.scope() + ".")
                    .orElse("No run is active for " + run.scope() + "."));
            refresh();
        }, e -> model.messageProperty().set(Background.message(e)));
    }
}
