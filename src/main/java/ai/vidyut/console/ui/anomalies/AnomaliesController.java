package ai.vidyut.console.ui.anomalies;

import ai.vidyut.console.alerts.AlertService;
import ai.vidyut.console.detect.Anomaly;
import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.detect.LiveDetection;
import ai.vidyut.console.detect.Severity;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.events.AnomaliesChanged;
import ai.vidyut.console.ui.events.SiteSelected;
import ai.vidyut.console.ui.views.ViewContext;
import ai.vidyut.console.ui.views.ViewController;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.ui.charts.MarkedChart;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;

/**
 * The anomaly timeline and list of the selected site, with acknowledgement of their alerts. On first show it
 * attaches live detection to the pipeline (one {@link LiveDetection} per window, shared through the services);
 * new anomalies refresh the view at most once a second.
 */
public final class AnomaliesController implements ViewController {

    private final ViewContext ctx;
    private final AnomaliesModel model = new AnomaliesModel();
    private final Timeline timeline = new Timeline();
    private AnomalyStore store;
    private AlertService alerts;
    private volatile boolean dirty;
    private ScheduledFuture<?> poller;
    private long generation;
    private long trendGeneration;
    private final NumberAxis trendTime = new NumberAxis();
    private final NumberAxis trendValue = new NumberAxis();
    private final MarkedChart trendChart = new MarkedChart(trendTime, trendValue);
    private final XYChart.Series<Number, Number> trendSeries = new XYChart.Series<>();

    @FXML private Label subtitle;
    @FXML private ChoiceBox<Severity> severityFilter;
    @FXML private TextField textFilter;
    @FXML private Button acknowledgeButton;
    @FXML private Button acknowledgeAllButton;
    @FXML private Pane timelineHost;
    @FXML private TableView<Anomaly> anomalyTable;
    @FXML private Label messageLabel;
    @FXML private Label trendTitle;
    @FXML private StackPane trendHost;
    @FXML private Button fitButton;
    @FXML private HBox statsHost;
    private final StatsStrip statsStrip = new StatsStrip();
    private TableColumn<Anomaly, Long> startColumn;
    private DateTimeFormatter timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(AnomalyStore.UTC);
    private DateTimeFormatter hourMinute = DateTimeFormatter.ofPattern("HH:mm").withZone(AnomalyStore.UTC);
    private String loadedSite;
    private boolean restoring;
    private Anomaly trendShown;

    public AnomaliesController(ViewContext ctx) {
        this.ctx = ctx;
    }

    public AnomaliesModel model() {
        return model;
    }

    Timeline timeline() {
        return timeline;
    }

    /** The trend around the selected anomaly: its series, the expected band and the anomaly's span as a mark. */
    MarkedChart trendChart() {
        return trendChart;
    }

    @FXML
    private void initialize() {
        anomalyTable.setId("anomalyTable");
        severityFilter.setId("severityFilter");
        textFilter.setId("anomalyTextFilter");
        acknowledgeButton.setId("acknowledgeButton");
        acknowledgeAllButton.setId("acknowledgeAllButton");
        timeline.setId("anomalyTimeline");
        timeline.prefWidthProperty().bind(timelineHost.widthProperty());
        timeline.prefHeightProperty().bind(timelineHost.heightProperty());
        timelineHost.getChildren().add(timeline);
        severityFilter.getItems().setAll(Severity.values());
        severityFilter.setValue(Severity.LOW);
        model.minimumSeverityProperty().bind(severityFilter.valueProperty());
        model.textProperty().bind(textFilter.textProperty());
        messageLabel.textProperty().bind(model.messageProperty());

        TableColumn<Anomaly, Severity> severity = new TableColumn<>("Severity");
        severity.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().severity()));
        severity.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeIf(k -> k.startsWith("severity-"));
                setText(empty || s == null ? null : s.wireName());
                if (!empty && s != null) {
                    getStyleClass().add("severity-" + s.wireName());
                }
            }
        });
        startColumn = numberColumn("Start (UTC)", "start", 150, a -> a.startMillis(),
                t -> timeFormat.format(Instant.ofEpochMilli(t)));
        anomalyTable.getColumns().setAll(List.of(
                startColumn,
                column("Asset", 90, Anomaly::assetId),
                column("Metric", 120, Anomaly::metric),
                column("Type", 110, a -> a.type().wireName()),
                severity,
                numberColumn("Value", "value", 80, Anomaly::value, AnomaliesController::fmt),
                numberColumn("Expected", "expected", 80, Anomaly::expectedValue, AnomaliesController::fmt),
                numberColumn("Deviation %", "deviation", 90, Anomaly::deviationPct,
                        v -> String.format(Locale.ROOT, "%+.1f", v)),
                numberColumn("Confidence", "confidence", 90, Anomaly::confidence,
                        v -> String.format(Locale.ROOT, "%.0f %%", 100 * v)),
                numberColumn("Readings", "readings", 80, Anomaly::readings, v -> Integer.toString(v))));
        SortedList<Anomaly> sorted = new SortedList<>(model.visible());
        sorted.comparatorProperty().bind(anomalyTable.comparatorProperty());
        anomalyTable.setItems(sorted);
        anomalyTable.setPlaceholder(new Label("No anomalies."));
        buildTrendChart();
        anomalyTable.getSelectionModel().selectedItemProperty().addListener((o, was, a) -> {
            if (restoring) {
                return; // a reload re-selects the same anomaly afterwards
            }
            timeline.select(a);
            showTrend(a);
        });
        timeline.setOnSelect(a -> anomalyTable.getSelectionModel().select(a));
        fitButton.setId("timelineFitButton");
        statsHost.getChildren().add(statsStrip);
        model.visible().addListener((javafx.collections.ListChangeListener<Anomaly>) c ->
                timeline.setAnomalies(List.copyOf(model.visible())));
        acknowledgeButton.disableProperty().bind(anomalyTable.getSelectionModel().selectedItemProperty().isNull());

        Optional<ConsoleRuntime> runtime = ctx.backend().runtime();
        if (runtime.isEmpty()) {
            model.messageProperty().set("Anomaly detection needs the console runtime.");
            acknowledgeAllButton.setDisable(true);
            return;
        }
        ConsoleRuntime rt = runtime.get();
        Database db = rt.database();
        store = new AnomalyStore(db);
        alerts = new AlertService(db);
        LiveDetection live = ctx.services().get(LiveDetection.class, () -> LiveDetection.attach(rt));
        live.addAnomalyListener(a -> dirty = true);
        poller = ctx.background().every(1000, () -> {
            if (dirty) {
                dirty = false;
                javafx.application.Platform.runLater(this::refresh);
            }
        });
        ctx.bus().subscribe(SiteSelected.class, e -> load(e.siteId()));
        ctx.bus().subscribe(AnomaliesChanged.class, e -> {
            if (e.siteIds().contains(ctx.selectedSite().get())) {
                refresh();
            }
        });
        load(ctx.selectedSite().get());
    }

    private void buildTrendChart() {
        trendChart.setId("anomalyTrendChart");
        trendChart.setAnimated(false);
        trendChart.setCreateSymbols(false);
        trendChart.setLegendVisible(false);
        trendChart.getStyleClass().add("trend-chart");
        trendTime.setAutoRanging(false);
        trendTime.setForceZeroInRange(false);
        trendTime.setMinorTickVisible(false);
        trendTime.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number t) {
                return hourMinute.format(Instant.ofEpochMilli(t.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        trendValue.setAutoRanging(false);
        trendValue.setForceZeroInRange(false);
        trendChart.getData().add(trendSeries);
        trendHost.getChildren().add(trendChart);
    }

    private void showTrend(Anomaly a) {
        long gen = ++trendGeneration;
        trendShown = a;
        if (a == null) {
            trendSeries.getData().clear();
            trendChart.marks().clear();
            trendChart.setExpectedBand(null);
            trendTitle.setText("TREND AROUND THE SELECTED ANOMALY (select one)");
            return;
        }
        ReadingStore readings = ctx.backend().readings();
        ctx.background().run(() -> AnomalyTrend.load(readings, a), t -> {
            if (gen == trendGeneration) {
                applyTrend(t);
            }
        }, e -> model.messageProperty().set("Cannot load the trend: " + Background.message(e)));
    }

    private void applyTrend(AnomalyTrend t) {
        Anomaly a = t.anomaly();
        List<XYChart.Data<Number, Number>> data = new java.util.ArrayList<>(t.points().size());
        double min = t.low();
        double max = t.high();
        for (ReadingStore.Point p : t.points()) {
            data.add(new XYChart.Data<>(p.timestampMillis(), p.value()));
            if (Double.isFinite(p.value())) {
                min = Math.min(min, p.value());
                max = Math.max(max, p.value());
            }
        }
        min = Math.min(min, a.value());
        max = Math.max(max, a.value());
        double margin = Math.max((max - min) * 0.08, 1e-6);
        trendValue.setLowerBound(min - margin);
        trendValue.setUpperBound(max + margin);
        trendValue.setTickUnit(niceStep((max - min + 2 * margin) / 6));
        trendTime.setLowerBound(t.fromMillis());
        trendTime.setUpperBound(t.toMillis());
        trendTime.setTickUnit(Math.max(60_000, (t.toMillis() - t.fromMillis()) / 8));
        trendSeries.setName(a.assetId() + " " + a.metric());
        trendSeries.getData().setAll(data);
        trendChart.setExpectedBand(new MarkedChart.ExpectedBand(t.expected(), t.low(), t.high()));
        trendChart.marks().setAll(new MarkedChart.Mark(String.valueOf(a.id()), a.startMillis(),
                Math.max(a.endMillis(), a.startMillis()), Timeline.color(a.severity())));
        trendTitle.setText("TREND AROUND THE SELECTED ANOMALY · " + a.assetId() + " " + a.metric() + " · expected "
                + fmt(t.expected()) + " (band " + fmt(t.low()) + " … " + fmt(t.high()) + ") · "
                + (data.isEmpty() ? "no stored readings" : data.size() + " points"));
    }

    private static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** A column sorted by its number, shown through {@code format}. */
    private static <T extends Number & Comparable<T>> TableColumn<Anomaly, T> numberColumn(String name, String id,
            double width, Function<Anomaly, T> value, Function<T, String> format) {
        TableColumn<Anomaly, T> c = column(name, width, value);
        c.setId("anomalyColumn-" + id);
        c.setComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : format.apply(v));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private static <T> TableColumn<Anomaly, T> column(String name, double width, Function<Anomaly, T> value) {
        TableColumn<Anomaly, T> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    @FXML
    void refresh() {
        load(ctx.selectedSite().get());
    }

    /** What a reload brings back from the store: the site's anomalies, its zone and its statistics. */
    private record Loaded(List<Anomaly> anomalies, ZoneId zone, AnomalyStore.SiteStats stats, int openAlerts) {
    }

    private void load(String siteId) {
        long gen = ++generation;
        if (store == null) {
            return;
        }
        if (siteId == null) {
            loadedSite = null;
            model.anomalies().clear();
            subtitle.setText("");
            statsStrip.show(null);
            return;
        }
        Database db = ctx.backend().database();
        ctx.background().run(() -> {
            List<Anomaly> list = store.list(siteId);
            ZoneId zone = AnomalyStore.siteZone(db, siteId);
            return new Loaded(list, zone, AnomalyStore.stats(siteId, list, zone), alerts.open().size());
        }, loaded -> {
            if (gen != generation) {
                return;
            }
            boolean newSite = !siteId.equals(loadedSite);
            loadedSite = siteId;
            applyZone(loaded.zone());
            Anomaly keep = newSite ? null : anomalyTable.getSelectionModel().getSelectedItem();
            restoring = true;
            try {
                model.anomalies().setAll(loaded.anomalies());
                timeline.setAnomalies(List.copyOf(model.visible()));
                if (keep != null) {
                    anomalyTable.getItems().stream().filter(a -> a.id() == keep.id()).findFirst()
                            .ifPresent(a -> anomalyTable.getSelectionModel().select(a));
                }
            } finally {
                restoring = false;
            }
            if (newSite) {
                timeline.fit();
            }
            Anomaly now = anomalyTable.getSelectionModel().getSelectedItem();
            timeline.select(now);
            if (!java.util.Objects.equals(now, trendShown)) {
                showTrend(now); // the anomaly grew or is gone; an unchanged one keeps its trend as it is
            }
            statsStrip.show(loaded.stats());
            subtitle.setText(siteId + " · " + loaded.anomalies().size() + " anomalies · " + loaded.openAlerts()
                    + " open alerts · times in " + loaded.zone().getId());
        }, e -> model.messageProperty().set("Cannot load anomalies: " + Background.message(e)));
    }

    private void applyZone(ZoneId zone) {
        if (zone.equals(timeline.zone())) {
            return;
        }
        timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        hourMinute = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        startColumn.setText("Start (" + zone.getId() + ")");
        timeline.setZone(zone);
        anomalyTable.refresh();
    }

    /** Fits the timeline to the anomalies shown (the Fit button). */
    @FXML
    void fitTimeline() {
        timeline.fit();
    }

    StatsStrip statsStrip() {
        return statsStrip;
    }

    @FXML
    void acknowledge() {
        Anomaly a = anomalyTable.getSelectionModel().getSelectedItem();
        if (a == null || alerts == null) {
            return;
        }
        ctx.background().run(() -> alerts.acknowledgeFor(a), n -> {
            model.messageProperty().set("Acknowledged " + n + " alert(s) for " + a.assetId() + " " + a.metric()
                    + " " + a.type().wireName() + ".");
            refresh();
        }, e -> model.messageProperty().set("Cannot acknowledge: " + Background.message(e)));
    }

    @FXML
    void acknowledgeAll() {
        if (alerts == null) {
            return;
        }
        ctx.background().run(() -> alerts.acknowledgeAll(), n -> {
            model.messageProperty().set("Acknowledged " + n + " alert(s).");
            refresh();
        }, e -> model.messageProperty().set("Cannot acknowledge: " + Background.message(e)));
    }

    @Override
    public void dispose() {
        if (poller != null) {
            poller.cancel(false);
        }
    }
}
