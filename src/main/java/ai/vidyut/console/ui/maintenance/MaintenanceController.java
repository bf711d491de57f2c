package ai.vidyut.console.ui.maintenance;

import ai.vidyut.console.maintain.MaintenanceItem;
import ai.vidyut.console.maintain.MaintenanceService;
import ai.vidyut.console.maintain.PlanStore;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.telemetry.MetricCatalog;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.views.ViewContext;
import ai.vidyut.console.ui.views.ViewController;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asset health (bars, remaining life, confidence), the site's maintenance plan as a sortable table, and for the
 * selected asset the degradation chart of its driving signal with the failure threshold and the projected crossing.
 * The plan is recomputed off the FX thread when the view is shown, when the site changes, and every 30 seconds.
 */
public final class MaintenanceController implements ViewController {

    static final long REFRESH_MILLIS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ViewContext ctx;
    private final MaintenanceModel model = new MaintenanceModel();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile MaintenanceService service;
    private ScheduledFuture<?> timer;
    private final NumberAxis timeAxis = new NumberAxis();
    private final NumberAxis valueAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(timeAxis, valueAxis);

    @FXML private Label subtitle;
    @FXML private Button refreshButton;
    @FXML private ProgressIndicator busy;
    @FXML private ListView<PlanStore.HealthRecord> healthList;
    @FXML private TableView<MaintenanceItem> planTable;
    @FXML private StackPane chartHolder;
    @FXML private Label chartTitle;
    @FXML private Label messageLabel;

    public MaintenanceController(ViewContext ctx) {
        this.ctx = ctx;
    }

    public MaintenanceModel model() {
        return model;
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }

    @FXML
    private void initialize() {
        healthList.setId("healthList");
        healthList.setItems(model.health());
        healthList.setCellFactory(v -> new HealthCell());
        healthList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> {
            if (now != null && healthList.getSelectionModel().getSelectedItem() != now) {
                healthList.getSelectionModel().select(now);
            }
            loadDegradation(now);
        });

        planTable.setId("planTable");
        planTable.setItems(model.plan());
        List<TableColumn<MaintenanceItem, ?>> columns = new ArrayList<>();
        columns.add(this.<MaintenanceItem.Priority>column("Priority", "priority", MaintenanceItem::priority,
                Comparator.naturalOrder(), 80));
        columns.add(this.<String>column("Asset", "asset", MaintenanceItem::assetName, Comparator.naturalOrder(), 130));
        columns.add(this.<String>column("Type", "type", i -> i.type().wireName(), Comparator.naturalOrder(), 90));
        columns.add(this.<LocalDate>column("Failure date", "failure", MaintenanceItem::predictedFailureDay,
                Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()), 100));
        columns.add(this.<Integer>column("Days left", "days", MaintenanceItem::daysUntilMaintenance,
                Comparator.naturalOrder(), 70));
        columns.add(this.<Double>column("Confidence", "confidence", i -> Math.round(i.confidence() * 100) / 100.0,
                Comparator.naturalOrder(), 80));
        columns.add(this.<String>column("Recommendation", "recommendation", MaintenanceItem::recommendation,
                Comparator.naturalOrder(), 520));
        planTable.getColumns().setAll(columns);
        planTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.health().stream().filter(h -> h.assetId().equals(now.assetId())).findFirst()
                        .ifPresent(h -> model.selectedProperty().set(h));
            }
        });

        chart.setId("degradationChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        timeAxis.setLabel("days from now");
        timeAxis.setForceZeroInRange(false);
        valueAxis.setForceZeroInRange(false);
        chartHolder.getChildren().add(chart);
        model.degradationProperty().addListener((o, was, now) -> draw(now));
        messageLabel.textProperty().bind(model.messageProperty());
        ctx.selectedSite().addListener((o, was, now) -> refresh());
    }

    private <T> TableColumn<MaintenanceItem, T> column(String title, String id,
                                                       java.util.function.Function<MaintenanceItem, T> value,
                                                       Comparator<T> order, double width) {
        TableColumn<MaintenanceItem, T> c = new TableColumn<>(title);
        c.setId("col-" + id);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setComparator(order);
        c.setPrefWidth(width);
        c.setSortable(true);
        return c;
    }

    @Override
    public void shown() {
        refresh();
        if (timer == null) {
            timer = ctx.background().every(REFRESH_MILLIS, () -> javafx.application.Platform.runLater(this::refresh));
        }
    }

    @Override
    public void hidden() {
        stopTimer();
    }

    @Override
    public void dispose() {
        stopTimer();
    }

    private void stopTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private record Snapshot(List<PlanStore.HealthRecord> health, List<MaintenanceItem> plan, Instant asOf) {
    }

    @FXML
    public void refresh() {
        String site = ctx.selectedSite().get();
        if (site == null || !running.compareAndSet(false, true)) {
            return;
        }
        busy.setVisible(true);
        ctx.background().run(() -> {
            MaintenanceService s = service();
            if (s == null) {
                return null;
            }
            Instant asOf = s.latestReading(site);
            if (asOf != null) {
                s.refresh(site, asOf);
            }
            return new Snapshot(s.plans().health(site), s.plans().plan(site), asOf);
        }, snap -> {
            running.set(false);
            busy.setVisible(false);
            if (!site.equals(ctx.selectedSite().get())) {
                refresh();
                return;
            }
            if (snap == null) {
                model.setMessage("Maintenance needs the console's database.");
                return;
            }
            model.update(snap.health(), snap.plan());
            subtitle.setText(snap.asOf() == null ? "no history yet"
                    : snap.health().size() + " assets assessed · " + snap.plan().size() + " plan items · as of "
                    + snap.asOf().toString().replace('T', ' ').substring(0, 16) + " UTC");
            model.setMessage(snap.health().isEmpty()
                    ? "No asset of this site reports vibration, temperature or current yet." : "");
        }, e -> {
            running.set(false);
            busy.setVisible(false);
            model.setMessage("Maintenance refresh failed: " + Background.message(e));
        });
    }

    private MaintenanceService service() {
        MaintenanceService s = service;
        if (s == null) {
            synchronized (this) {
                if (service == null) {
                    // on a live console, the window's own service (attached by the shell) rather than a second one
                    service = ctx.backend().runtime()
                            .map(rt -> ctx.services().get(MaintenanceService.class,
                                    () -> MaintenanceService.attach(rt, ai.vidyut.console.live.LiveModels.MAINTENANCE_PERIOD)))
                            .orElseGet(() -> MaintenanceBackend.open(ctx.backend()));
                }
                s = service;
            }
        }
        return s;
    }

    private void loadDegradation(PlanStore.HealthRecord h) {
        if (h == null || h.drivingMetric() == null) {
            model.degradationProperty().set(null);
            return;
        }
        ReadingStore readings = ctx.backend().readings();
        ctx.background().run(() -> degradation(readings, h), d -> {
            PlanStore.HealthRecord now = model.selectedProperty().get();
            if (now != null && now.assetId().equals(h.assetId())) {
                model.degradationProperty().set(d);
            }
        });
    }

    static MaintenanceModel.Degradation degradation(ReadingStore readings, PlanStore.HealthRecord h) throws Exception {
        long asOf = h.assessedAt().toEpochMilli();
        long from = asOf - Duration.ofDays(7).toMillis();
        SeriesKey key = new SeriesKey(h.siteId(), h.assetId(), h.drivingMetric());
        List<double[]> points = new ArrayList<>();
        for (ReadingStore.Bucket b : readings.downsample(key, from, asOf + 1, Duration.ofDays(7).toMillis() / 300)) {
            points.add(new double[] {(b.startMillis() - asOf) / 86_400_000.0, b.mean()});
        }
        double threshold = Double.NaN;
        double level = Double.NaN;
        double days = Double.NaN;
        if (h.evidenceJson() != null) {
            for (JsonNode s : JSON.readTree(h.evidenceJson()).path("signals")) {
                if (h.drivingMetric().equals(s.path("metric").asText())) {
                    threshold = s.path("threshold").isNumber() ? s.path("threshold").asDouble() : Double.NaN;
                    level = s.path("level").isNumber() ? s.path("level").asDouble() : Double.NaN;
                    days = s.path("daysToThreshold").isNumber() ? s.path("daysToThreshold").asDouble() : Double.NaN;
                }
            }
        }
        return new MaintenanceModel.Degradation(h.assetId(), h.drivingMetric(), points, threshold, asOf, level, days);
    }

    private void draw(MaintenanceModel.Degradation d) {
        chart.getData().clear();
        if (d == null) {
            chartTitle.setText("Select an asset to see its degradation");
            return;
        }
        var metric = MetricCatalog.describe(d.metric());
        chartTitle.setText(d.assetId() + " · " + metric.label() + (metric.unit().isEmpty() ? "" : " (" + metric.unit() + ")"));
        XYChart.Series<Number, Number> history = new XYChart.Series<>();
        history.setName(metric.label());
        for (double[] p : d.points()) {
            history.getData().add(new XYChart.Data<>(p[0], p[1]));
        }
        chart.getData().add(history);
        double end = 0.5;
        if (!Double.isNaN(d.daysToThreshold()) && !Double.isNaN(d.level())) {
            XYChart.Series<Number, Number> projection = new XYChart.Series<>();
            projection.setName(String.format(Locale.ROOT, "projected crossing in %.1f d", d.daysToThreshold()));
            projection.getData().add(new XYChart.Data<>(0, d.level()));
            projection.getData().add(new XYChart.Data<>(d.daysToThreshold(), d.threshold()));
            chart.getData().add(projection);
            end = Math.max(end, d.daysToThreshold() * 1.1);
        }
        if (!Double.isNaN(d.threshold())) {
            double start = d.points().isEmpty() ? -1 : d.points().get(0)[0];
            XYChart.Series<Number, Number> limit = new XYChart.Series<>();
            limit.setName(String.format(Locale.ROOT, "failure threshold %.1f", d.threshold()));
            limit.getData().add(new XYChart.Data<>(start, d.threshold()));
            limit.getData().add(new XYChart.Data<>(end, d.threshold()));
            chart.getData().add(limit);
        }
    }

    /** One asset: name, state, a health bar, remaining life and confidence. */
    private static final class HealthCell extends ListCell<PlanStore.HealthRecord> {
        private final Label name = new Label();
        private final Label state = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Label life = new Label();
        private final VBox box;

        HealthCell() {
            bar.setPrefWidth(140);
            HBox top = new HBox(8, name, state);
            top.setAlignment(Pos.BASELINE_LEFT);
            HBox bottom = new HBox(8, bar, life);
            bottom.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(life, Priority.ALWAYS);
            name.getStyleClass().add("site-name");
            state.getStyleClass().add("site-id");
            life.getStyleClass().add("site-id");
            box = new VBox(2, top, bottom);
        }

        @Override
        protected void updateItem(PlanStore.HealthRecord h, boolean empty) {
            super.updateItem(h, empty);
            if (empty || h == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(h.assetName());
            state.setText(h.healthState().replace('_', ' '));
            bar.setProgress(Math.max(0, Math.min(1, h.healthScore() / 100)));
            bar.setStyle(h.healthScore() >= 70 ? "-fx-accent: #3fb950;" : h.healthScore() >= 40
                    ? "-fx-accent: #d29922;" : "-fx-accent: #f85149;");
            bar.lookupAll(".bar").forEach(n -> n.setStyle(h.healthScore() >= 70 ? "-fx-background-color: #3fb950;"
                    : h.healthScore() >= 40 ? "-fx-background-color: #d29922;" : "-fx-background-color: #f85149;"));
            String rul = h.rulDays() == null ? "no failure projected"
                    : String.format(Locale.ROOT, "life %.1f d (%.1f–%.1f)", h.rulDays(),
                    h.rulLowerDays() == null ? h.rulDays() : h.rulLowerDays(),
                    h.rulUpperDays() == null ? h.rulDays() : h.rulUpperDays());
            life.setText(String.format(Locale.ROOT, "%.0f %% · %s · p %.2f", h.healthScore(), rul,
                    h.healthProbability()));
            setGraphic(box);
            setText(null);
        }
    }

}
