package ai.vidyut.console.ui.history;

import ai.vidyut.console.ui.SeriesChoice;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.telemetry.MetricCatalog;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.ChoiceBar;
import ai.vidyut.console.ui.SelectedSiteSeries;
import ai.vidyut.console.ui.events.DataImported;
import ai.vidyut.console.ui.events.SeriesRequested;
import ai.vidyut.console.ui.events.SiteSelected;
import ai.vidyut.console.ui.views.ViewContext;
import ai.vidyut.console.ui.views.ViewController;
import javafx.fxml.FXML;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Charts the stored history of any series of the selected site over a preset or custom range, downsampled
 * by the store into min/max/mean buckets (queries run off the FX thread).
 */
public final class HistoryController implements ViewController {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter FULL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final ViewContext ctx;
    private final HistoryModel model = new HistoryModel();
    private final NumberAxis timeAxis = new NumberAxis();
    private final NumberAxis valueAxis = new NumberAxis();
    private final BandChart chart = new BandChart(timeAxis, valueAxis);
    private final XYChart.Series<Number, Number> mean = new XYChart.Series<>();
    private final SelectedSiteSeries<List<SeriesKey>> seriesList;
    private long generation;
    private SeriesKey requested;

    @FXML private Label title;
    @FXML private Label subtitle;
    @FXML private ComboBox<SeriesKey> seriesBox;
    @FXML private HBox presetBar;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private Button reloadButton;
    @FXML private ProgressIndicator busy;
    @FXML private StackPane chartHolder;
    @FXML private Label messageLabel;

    public HistoryController(ViewContext ctx) {
        this.ctx = ctx;
        this.seriesList = new SelectedSiteSeries<>(ctx.background(), model, new SeriesOfSite());
    }

    public HistoryModel model() {
        return model;
    }

    public BandChart chart() {
        return chart;
    }

    @FXML
    private void initialize() {
        chart.setId("historyChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        timeAxis.setAutoRanging(false);
        timeAxis.setForceZeroInRange(false);
        timeAxis.setMinorTickVisible(false);
        valueAxis.setForceZeroInRange(false);
        mean.setName("mean");
        chart.getData().add(mean);
        chartHolder.getChildren().add(chart);

        seriesBox.setId("seriesBox");
        seriesList.bind(seriesBox);
        model.selectedProperty().addListener((o, was, now) -> query());

        ChoiceBar.fill(presetBar, List.of(HistoryModel.Preset.values()), HistoryModel.Preset::label,
                p -> "preset-" + p.name().toLowerCase(Locale.ROOT), model.presetProperty().get(),
                model.presetProperty()::set);
        fromPicker.setId("fromPicker");
        toPicker.setId("toPicker");
        fromPicker.visibleProperty().bind(model.presetProperty().isEqualTo(HistoryModel.Preset.CUSTOM));
        toPicker.visibleProperty().bind(fromPicker.visibleProperty());
        fromPicker.managedProperty().bind(fromPicker.visibleProperty());
        toPicker.managedProperty().bind(fromPicker.visibleProperty());
        LocalDate today = LocalDate.now();
        fromPicker.setValue(today.minusDays(7));
        toPicker.setValue(today);
        fromPicker.valueProperty().addListener((o, was, now) -> customChanged());
        toPicker.valueProperty().addListener((o, was, now) -> customChanged());
        customChanged();
        model.presetProperty().addListener((o, was, now) -> query());

        busy.visibleProperty().bind(model.loadingProperty());
        messageLabel.setId("historyMessage");
        messageLabel.textProperty().bind(model.messageProperty());
        model.buckets().addListener((javafx.collections.ListChangeListener<ReadingStore.Bucket>) c -> render());

        ctx.bus().subscribe(SiteSelected.class, e -> siteChanged(e.siteId()));
        ctx.bus().subscribe(SeriesRequested.class, e -> {
            requested = e.series();
            if (Objects.equals(e.series().siteId(), model.siteIdProperty().get()) && model.series().contains(e.series())) {
                model.selectedProperty().set(e.series());
            }
        });
        ctx.bus().subscribe(DataImported.class, e -> seriesList.dataChanged());
        siteChanged(ctx.selectedSite().get());
    }

    @Override
    public void shown() {
        seriesList.shown();
    }

    @Override
    public void hidden() {
        seriesList.hidden();
    }

    private void customChanged() {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate f = fromPicker.getValue();
        LocalDate t = toPicker.getValue();
        if (f != null) {
            model.customFromProperty().set(f.atStartOfDay(zone).toInstant().toEpochMilli());
        }
        if (t != null) {
            model.customToProperty().set(t.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
        }
        if (model.presetProperty().get() == HistoryModel.Preset.CUSTOM) {
            query();
        }
    }

    private void siteChanged(String siteId) {
        title.setText(siteId == null ? "History" : "History · " + siteId);
        seriesList.siteChanged(siteId);
    }

    /** The site's stored series; a series another view asked for comes first, then the one already shown. */
    private final class SeriesOfSite implements SelectedSiteSeries.View<List<SeriesKey>> {
        @Override
        public List<SeriesKey> fetch(String siteId) {
            return ctx.backend().readings().series(siteId);
        }

        @Override
        public List<SeriesKey> series(List<SeriesKey> fetched) {
            return fetched;
        }

        @Override
        public SeriesKey choose(List<SeriesKey> fetched, List<SeriesKey> list, SeriesKey kept) {
            SeriesKey pick = requested != null && list.contains(requested) ? requested
                    : kept != null ? kept : SeriesChoice.defaultSeries(list);
            requested = null;
            return pick;
        }

        @Override
        public void reselected() {
            query();
        }

        @Override
        public void listed(List<SeriesKey> fetched) {
            subtitle.setText(fetched.size() + " series stored");
        }
    }

    @FXML
    private void reload() {
        seriesList.reload();
    }

    private void query() {
        SeriesKey key = model.selectedProperty().get();
        long gen = ++generation;
        if (key == null) {
            model.show(0, 0, 0, List.of());
            return;
        }
        long[] window = model.window(System.currentTimeMillis());
        long from = window[0];
        long to = window[1];
        if (to <= from) {
            model.messageProperty().set("The range is empty: pick a 'to' date after the 'from' date.");
            return;
        }
        model.loadingProperty().set(true);
        long started = System.nanoTime();
        ctx.background().run(() -> ctx.backend().readings().chart(key, from, to, HistoryModel.TARGET_BUCKETS), chart -> {
            if (gen != generation) {
                return;
            }
            model.loadingProperty().set(false);
            long ms = (System.nanoTime() - started) / 1_000_000;
            List<ReadingStore.Bucket> buckets = chart.buckets();
            long bucket = chart.bucketMillis();
            model.show(from, to, bucket, buckets);
            long readings = buckets.stream().mapToLong(ReadingStore.Bucket::count).sum();
            model.messageProperty().set(buckets.isEmpty()
                    ? "No readings of " + SeriesChoice.label(key) + " between " + FULL.format(Instant.ofEpochMilli(from)) + " and "
                    + FULL.format(Instant.ofEpochMilli(to)) + (model.presetProperty().get() == HistoryModel.Preset.CUSTOM
                    ? "." : ". For older data, pick Custom.")
                    : String.format(Locale.ROOT, "%s · %,d readings in %d buckets of %s (from %s data) · queried in %d ms",
                    SeriesChoice.label(key), readings, buckets.size(), human(bucket), chart.resolution(), ms));
        }, e -> {
            if (gen == generation) {
                model.loadingProperty().set(false);
                model.messageProperty().set("Query failed: " + Background.message(e));
            }
        });
    }

    static String human(long millis) {
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + " h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return millis + " ms";
    }

    private void render() {
        long from = model.fromProperty().get();
        long to = model.toProperty().get();
        long bucket = model.bucketMillisProperty().get();
        timeAxis.setLowerBound(from);
        timeAxis.setUpperBound(Math.max(to, from + 1));
        timeAxis.setTickUnit(Math.max(1, (to - from) / 8.0));
        DateTimeFormatter f = to - from <= 86_400_000L ? SHORT : LONG;
        timeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number t) {
                return f.format(Instant.ofEpochMilli(t.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        SeriesKey key = model.selectedProperty().get();
        valueAxis.setLabel(key == null ? "" : MetricCatalog.describe(key.metric()).unit());
        List<XYChart.Data<Number, Number>> points = new java.util.ArrayList<>(model.buckets().size());
        List<BandChart.Band> band = new java.util.ArrayList<>(model.buckets().size());
        for (ReadingStore.Bucket b : model.buckets()) {
            double x = b.startMillis() + bucket / 2.0;
            points.add(new XYChart.Data<>(x, b.mean()));
            band.add(new BandChart.Band(x, b.min(), b.max()));
        }
        chart.setMaxGap(bucket * 2.5); // a missing bucket or more breaks the line
        mean.getData().setAll(points);
        chart.band().setAll(band);
    }
}
