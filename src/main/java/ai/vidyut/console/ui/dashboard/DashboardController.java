package ai.vidyut.console.ui.dashboard;

import ai.vidyut.console.detect.Anomaly;
import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.detect.Severity;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.ui.charts.MarkedChart;
import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.MetricCatalog;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.telemetry.Site;
import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.events.NavigateRequested;
import ai.vidyut.console.ui.events.SeriesRequested;
import ai.vidyut.console.ui.events.SiteSelected;
import ai.vidyut.console.ui.events.SitesChanged;
import ai.vidyut.console.ui.live.LiveUpdate;
import ai.vidyut.console.ui.views.ViewContext;
import ai.vidyut.console.ui.views.ViewController;
import ai.vidyut.console.ui.views.Views;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The live dashboard of the selected site: TilesFX tiles, a 15-minute trend, and every latest value. */
public final class DashboardController implements ViewController {

    static final long BACKFILL_BUCKET_MILLIS = 5_000L;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter CLOCK_SECONDS =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final Color TILE_BG = Color.web("#161d27");

    private final ViewContext ctx;
    private final DashboardModel model = new DashboardModel();
    private final Consumer<LiveUpdate> liveListener = this::onLive;
    private final Map<String, Tile> tiles = new LinkedHashMap<>();
    private long generation;
    /** How far back an anomaly may have started and still be marked (if it lasts into the trend's window). */
    static final long MARK_LOOKBACK_MILLIS = 24 * 3_600_000L;
    private AnomalyStore anomalyStore;
    private java.util.concurrent.ScheduledFuture<?> markPoller;
    private volatile String markSite;
    private volatile List<Anomaly> polledMarks = List.of();
    private volatile String polledSite;

    @FXML private Label siteTitle;
    @FXML private Label siteSubtitle;
    @FXML private Label lastUpdateLabel;
    @FXML private GridPane tileGrid;
    @FXML private MarkedChart trendChart;
    @FXML private NumberAxis trendTime;
    @FXML private TableView<LatestRow> valuesTable;
    @FXML private Label valuesTitle;

    public DashboardController(ViewContext ctx) {
        this.ctx = ctx;
    }

    public DashboardModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        buildTiles();
        trendChart.getData().setAll(model.trends());
        trendTime.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number t) {
                return CLOCK.format(Instant.ofEpochMilli(t.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        trendTime.setTickUnit(60_000);
        buildTable();
        model.metricsProperty().addListener((o, was, m) -> showMetrics(m));
        model.lastUpdateProperty().addListener((o, was, t) -> {
            long now = t.longValue();
            lastUpdateLabel.setText(now == 0 ? "no data yet" : "last reading " + CLOCK_SECONDS.format(Instant.ofEpochMilli(now)));
            trendTime.setUpperBound(now);
            trendTime.setLowerBound(now - DashboardModel.TREND_WINDOW_MILLIS);
        });
        showMetrics(model.metrics());
        ctx.live().subscribe(liveListener);
        ctx.bus().subscribe(SiteSelected.class, e -> open(e.siteId()));
        ctx.bus().subscribe(SitesChanged.class, e -> refreshAssets());
        open(ctx.selectedSite().get());
        startAnomalyMarks();
    }

    /**
     * Anomalies of the displayed site that overlap the trend's window, as marks coloured by severity. Polled from
     * the store off the FX thread once a second (live detection stores anomalies as they open and extends them
     * while they last); the FX thread hears only of changes.
     */
    private void startAnomalyMarks() {
        try {
            anomalyStore = new AnomalyStore(ctx.backend().database());
        } catch (RuntimeException e) {
            return;
        }
        markPoller = ctx.background().every(1000, this::pollAnomalies);
    }

    private void pollAnomalies() {
        String site = markSite;
        List<Anomaly> marks = List.of();
        if (site != null) {
            long now = System.currentTimeMillis();
            marks = anomalyStore.list(site, now - MARK_LOOKBACK_MILLIS, now + 60_000).stream()
                    .filter(a -> a.endMillis() >= now - DashboardModel.TREND_WINDOW_MILLIS).toList();
        }
        if (Objects.equals(site, polledSite) && marks.equals(polledMarks)) {
            return;
        }
        polledSite = site;
        polledMarks = marks;
        List<Anomaly> shown = marks;
        javafx.application.Platform.runLater(() -> {
            if (Objects.equals(site, model.siteIdProperty().get())) {
                trendChart.marks().setAll(shown.stream().map(DashboardController::mark).toList());
            }
        });
    }

    static MarkedChart.Mark mark(Anomaly a) {
        return new MarkedChart.Mark(String.valueOf(a.id()), a.startMillis(), Math.max(a.startMillis(), a.endMillis()),
                severityColor(a.severity()));
    }

    static Color severityColor(Severity s) {
        return switch (s) {
            case CRITICAL -> Color.web("#ff5c5c");
            case HIGH -> Color.web("#ff9b54");
            case MEDIUM -> Color.web("#ffd866");
            case LOW -> Color.web("#8fd3ff");
        };
    }

    /** The anomaly marks on the 15-minute trend. */
    public List<MarkedChart.Mark> anomalyMarks() {
        return List.copyOf(trendChart.marks());
    }

    MarkedChart trendChart() {
        return trendChart;
    }

    /** How a tile looks; spark-line tiles are rebuilt per site so that their line starts at the first value. */
    private record TileSpec(String id, String title, String unit, Tile.SkinType skin, double min, double max,
                            int decimals) {
    }

    private final Map<String, TileSpec> specs = new LinkedHashMap<>();
    private final java.util.Set<String> freshSparks = new java.util.HashSet<>();
    private final List<DashboardTile> extraTiles = new ArrayList<>();
    private static final int MIN_TILE_COLUMNS = 5;

    private void buildTiles() {
        List.of(new TileSpec("site", "Site power (grid)", "kW", Tile.SkinType.SPARK_LINE, 0, 0, 1),
                new TileSpec("solar", "Solar", "kW", Tile.SkinType.SPARK_LINE, 0, 0, 1),
                new TileSpec("load", "Load", "kW", Tile.SkinType.SPARK_LINE, 0, 0, 1),
                new TileSpec("battery", "Battery power", "kW", Tile.SkinType.NUMBER, 0, 0, 1),
                new TileSpec("soc", "Battery state of charge", "%", Tile.SkinType.PERCENTAGE, 0, 100, 1),
                new TileSpec("voltage", "Voltage", "V", Tile.SkinType.GAUGE, 360, 440, 1),
                new TileSpec("frequency", "Frequency", "Hz", Tile.SkinType.GAUGE, 49, 51, 2),
                new TileSpec("pf", "Power factor", "", Tile.SkinType.GAUGE, 0.5, 1.0, 2),
                new TileSpec("temperature", "Hottest temperature", "°C", Tile.SkinType.GAUGE, 0, 120, 1),
                new TileSpec("temperatures", "Temperatures", "°C", Tile.SkinType.BAR_CHART, 0, 100, 1))
                .forEach(spec -> specs.put(spec.id(), spec));
        for (java.util.function.Function<ViewContext, DashboardTile> factory : DashboardTiles.extra()) {
            extraTiles.add(factory.apply(ctx));
        }
        // Two rows of tiles: five columns for the built-in ten, more when other areas add tiles.
        int total = specs.size() + extraTiles.size();
        int columns = Math.max(MIN_TILE_COLUMNS, (total + 1) / 2);
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            c.setHgrow(Priority.ALWAYS);
            tileGrid.getColumnConstraints().add(c);
        }
        int i = 0;
        for (TileSpec spec : specs.values()) {
            Tile tile = build(spec, Double.NaN);
            tiles.put(spec.id(), tile);
            tileGrid.add(tile, i % columns, i / columns);
            if (spec.skin() == Tile.SkinType.SPARK_LINE) {
                freshSparks.add(spec.id());
            }
            i++;
        }
        for (DashboardTile extra : extraTiles) {
            tileGrid.add(extra.node(), i % columns, i / columns);
            i++;
        }
    }

    private static Tile build(TileSpec spec, double initial) {
        TileBuilder<?> b = TileBuilder.create().skinType(spec.skin()).title(spec.title()).unit(spec.unit())
                .decimals(spec.decimals()).tickLabelDecimals(spec.decimals()).animated(false).backgroundColor(TILE_BG)
                .prefSize(220, 170).maxSize(Double.MAX_VALUE, 190).minSize(140, 140).description("no data")
                .thresholdVisible(false);
        if (spec.max() > spec.min()) {
            b.minValue(spec.min()).maxValue(spec.max());
        }
        if (spec.skin() == Tile.SkinType.SPARK_LINE) {
            double span = Double.isFinite(initial) ? Math.max(1, Math.abs(initial) * 1.5) : 10;
            b.averagingPeriod(120).barColor(Color.web("#2ea8ff")).minValue(initial < 0 ? -span : 0).maxValue(span);
        }
        if ("temperature".equals(spec.id())) {
            b.threshold(80).thresholdVisible(true);
        }
        if (Double.isFinite(initial)) {
            b.value(initial).description("");
        }
        Tile tile = b.build();
        tile.setId("tile-" + spec.id());
        return tile;
    }

    /** Replaces a tile by a new one built with a first value (spark lines draw from their first value). */
    private Tile rebuild(String id, double initial) {
        Tile old = tiles.get(id);
        Tile fresh = build(specs.get(id), initial);
        int index = tileGrid.getChildren().indexOf(old);
        GridPane.setColumnIndex(fresh, GridPane.getColumnIndex(old));
        GridPane.setRowIndex(fresh, GridPane.getRowIndex(old));
        tileGrid.getChildren().set(index, fresh);
        tiles.put(id, fresh);
        return fresh;
    }

    /** The tile showing a headline figure (ids: site, solar, load, battery, soc, voltage, frequency, pf, temperature). */
    public Tile tile(String id) {
        return tiles.get(id);
    }

    private void buildTable() {
        valuesTable.setId("valuesTable");
        TableColumn<LatestRow, String> asset = new TableColumn<>("Asset");
        asset.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().asset()));
        asset.setPrefWidth(72);
        TableColumn<LatestRow, String> metric = new TableColumn<>("Metric");
        metric.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().label()));
        metric.setPrefWidth(140);
        TableColumn<LatestRow, Number> value = new TableColumn<>("Value");
        value.setCellValueFactory(f -> f.getValue().valueProperty());
        value.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                LatestRow row = empty ? null : getTableRow().getItem();
                setText(empty || v == null || row == null ? null : format(v.doubleValue()) + " " + row.unit());
            }
        });
        value.setPrefWidth(92);
        value.getStyleClass().add("numeric");
        TableColumn<LatestRow, Number> time = new TableColumn<>("At");
        time.setCellValueFactory(f -> f.getValue().timestampProperty());
        time.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null || t.longValue() == 0 ? null : CLOCK_SECONDS.format(Instant.ofEpochMilli(t.longValue())));
            }
        });
        time.setPrefWidth(66);
        valuesTable.getColumns().setAll(List.of(asset, metric, value, time));
        valuesTable.setItems(model.rows());
        valuesTable.setPlaceholder(new Label("No readings for this site yet."));
        valuesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        valuesTable.setRowFactory(t -> {
            TableRow<LatestRow> row = new TableRow<>() {
                @Override
                protected void updateItem(LatestRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("unknown"),
                            !empty && item != null && !item.known());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    SeriesKey key = row.getItem().key();
                    ctx.bus().publish(new NavigateRequested(Views.HISTORY, key.siteId()));
                    ctx.bus().publish(new SeriesRequested(key));
                }
            });
            return row;
        });
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : a >= 100 ? "%.1f" : "%.2f", v);
    }

    private void onLive(LiveUpdate update) {
        model.apply(update);
    }

    private void showMetrics(KeyMetrics m) {
        set("site", m.sitePowerKw(), m.sitePowerKw() >= 0 ? "importing from grid" : "exporting to grid");
        set("solar", m.solarKw(), null);
        set("load", m.loadKw(), null);
        set("battery", m.batteryKw(), Double.isNaN(m.batteryKw()) ? null
                : Math.abs(m.batteryKw()) < 0.05 ? "idle" : m.batteryKw() > 0 ? "discharging" : "charging");
        set("soc", m.socPct(), null);
        setGauge("voltage", m.voltageV(), null);
        setGauge("frequency", m.frequencyHz(), null);
        set("pf", m.powerFactor(), null);
        set("temperature", m.maxTemperatureC(), m.hottestAsset());
        showTemperatures();
        long unknown = model.rows().stream().filter(r -> !r.known()).count();
        valuesTitle.setText("ALL LATEST VALUES · " + model.rows().size() + " series"
                + (unknown > 0 ? ", " + unknown + " unknown metric" + (unknown == 1 ? "" : "s") : ""));
    }

    /** The hottest four temperature_c series of the site as bars (asset name, °C). */
    private void showTemperatures() {
        Tile tile = tiles.get("temperatures");
        List<LatestRow> temps = model.rows().stream()
                .filter(r -> r.metricName().equals(MetricCatalog.TEMPERATURE_C) && Double.isFinite(r.valueProperty().get()))
                .sorted((a, b) -> Double.compare(b.valueProperty().get(), a.valueProperty().get()))
                .limit(4).toList();
        if (temps.isEmpty()) {
            if (!tile.getBarChartItems().isEmpty()) {
                tile.clearBarChartItems();
            }
            tile.setDescription("no data");
            return;
        }
        tile.setDescription("");
        Map<String, eu.hansolo.tilesfx.skins.BarChartItem> byName = new HashMap<>();
        for (eu.hansolo.tilesfx.skins.BarChartItem item : tile.getBarChartItems()) {
            byName.put(item.getName(), item);
        }
        List<String> wanted = temps.stream().map(LatestRow::asset).toList();
        if (!byName.keySet().equals(new java.util.HashSet<>(wanted))) {
            List<eu.hansolo.tilesfx.skins.BarChartItem> items = new ArrayList<>();
            for (LatestRow r : temps) {
                eu.hansolo.tilesfx.skins.BarChartItem item = new eu.hansolo.tilesfx.skins.BarChartItem(r.asset(),
                        r.valueProperty().get(), temperatureColor(r.valueProperty().get()));
                items.add(item);
            }
            tile.setBarChartItems(items);
            return;
        }
        for (LatestRow r : temps) {
            eu.hansolo.tilesfx.skins.BarChartItem item = byName.get(r.asset());
            item.setValue(r.valueProperty().get());
            item.setBarColor(temperatureColor(r.valueProperty().get()));
        }
    }

    private static Color temperatureColor(double c) {
        return c >= 80 ? Color.web("#f85149") : c >= 60 ? Color.web("#e3b341") : Color.web("#2ea8ff");
    }

    private void set(String id, double v, String description) {
        Tile tile = tiles.get(id);
        if (!Double.isFinite(v)) {
            tile.setDescription("no data");
            return;
        }
        if (freshSparks.remove(id)) {
            tile = rebuild(id, v);
        }
        if (tile.getSkinType() == Tile.SkinType.SPARK_LINE || tile.getSkinType() == Tile.SkinType.NUMBER) {
            double span = Math.max(1, Math.abs(v) * 1.5);
            if (v > tile.getMaxValue() || v < tile.getMinValue()) {
                tile.setMinValue(Math.min(tile.getMinValue(), v < 0 ? -span : 0));
                tile.setMaxValue(Math.max(tile.getMaxValue(), span));
            }
        }
        tile.setValue(v);
        tile.setDescription(description == null ? "" : description);
    }

    /** Gauges with an unknown nominal: centre the scale on the nominal nearest to the first value. */
    private void setGauge(String id, double v, String description) {
        Tile tile = tiles.get(id);
        if (Double.isFinite(v) && (v < tile.getMinValue() || v > tile.getMaxValue())) {
            double nominal = nearestNominal(id, v);
            double band = "frequency".equals(id) ? 1.0 : nominal * 0.1;
            tile.setMinValue(nominal - band);
            tile.setMaxValue(nominal + band);
        }
        set(id, v, description);
    }

    static double nearestNominal(String id, double v) {
        double[] nominals = "frequency".equals(id) ? new double[]{50, 60}
                : new double[]{120, 208, 230, 240, 277, 400, 480, 690, 1000, 11_000, 20_000, 33_000};
        double best = v;
        double bestDistance = Double.MAX_VALUE;
        for (double n : nominals) {
            double d = Math.abs(Math.log(v / n));
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return bestDistance < 0.2 ? best : v;
    }

    private void open(String siteId) {
        long gen = ++generation;
        markSite = siteId;
        polledSite = null; // the next poll delivers this site's marks even if they equal the last ones
        trendChart.marks().clear();
        for (DashboardTile extra : extraTiles) {
            extra.siteChanged(siteId);
        }
        if (siteId == null) {
            siteTitle.setText("Dashboard");
            siteSubtitle.setText("Select a site on the left.");
            model.reset(null, Map.of(), Map.of(), Map.of());
            return;
        }
        siteTitle.setText(siteId);
        siteSubtitle.setText("");
        for (TileSpec spec : specs.values()) {
            if (spec.skin() == Tile.SkinType.SPARK_LINE && !freshSparks.contains(spec.id())) {
                rebuild(spec.id(), Double.NaN);
                freshSparks.add(spec.id());
            }
        }
        model.reset(siteId, Map.of(), Map.of(), ctx.live().latest());
        ctx.background().run(() -> load(siteId), loaded -> {
            if (gen != generation) {
                return;
            }
            Site site = loaded.site();
            siteTitle.setText(site == null ? siteId : site.name());
            siteSubtitle.setText(site == null ? "" : subtitle(site, loaded.kinds().size()));
            model.assetsChanged(loaded.kinds(), loaded.names());
            Map<SeriesKey, Reading> seed = new HashMap<>(loaded.stored());
            seed.putAll(ctx.live().latest().entrySet().stream().filter(e -> e.getKey().siteId().equals(siteId))
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            model.seed(seed);
            model.backfill(loaded.trend());
        }, e -> siteSubtitle.setText("Cannot load " + siteId + ": " + Background.message(e)));
    }

    private static String subtitle(Site site, int assets) {
        StringBuilder sb = new StringBuilder(site.id());
        if (!Double.isNaN(site.capacityKw())) {
            sb.append(" · ").append(format(site.capacityKw())).append(" kW");
        }
        sb.append(" · ").append(assets).append(assets == 1 ? " asset" : " assets");
        if (site.discovered()) {
            sb.append(" · discovered");
        }
        return sb.toString();
    }

    private void refreshAssets() {
        String siteId = model.siteIdProperty().get();
        if (siteId == null) {
            return;
        }
        ctx.background().run(() -> load(siteId), loaded -> {
            if (Objects.equals(siteId, model.siteIdProperty().get())) {
                model.assetsChanged(loaded.kinds(), loaded.names());
                if (loaded.site() != null) {
                    siteTitle.setText(loaded.site().name());
                    siteSubtitle.setText(subtitle(loaded.site(), loaded.kinds().size()));
                }
            }
        });
    }

    /** What a site's dashboard needs from storage, loaded off the FX thread. */
    record Loaded(Site site, Map<String, AssetKind> kinds, Map<String, String> names,
                  Map<SeriesKey, Reading> stored, List<DashboardModel.TrendPoint> trend) {
    }

    private Loaded load(String siteId) {
        Site site = ctx.backend().sites().site(siteId).orElse(null);
        Map<String, AssetKind> kinds = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Asset a : ctx.backend().sites().assets(siteId)) {
            kinds.put(a.id(), a.kind());
            names.put(a.id(), a.name());
        }
        long now = System.currentTimeMillis();
        long from = now - DashboardModel.TREND_WINDOW_MILLIS;
        ReadingStore readings = ctx.backend().readings();
        Map<SeriesKey, Reading> stored = new HashMap<>();
        TreeMap<Long, Map<SeriesKey, Double>> buckets = new TreeMap<>();
        for (SeriesKey key : readings.series(siteId)) {
            List<ReadingStore.Bucket> series = readings.downsample(key, from, now + 60_000, BACKFILL_BUCKET_MILLIS);
            if (series.isEmpty()) {
                continue;
            }
            ReadingStore.Bucket last = series.get(series.size() - 1);
            List<ReadingStore.Point> lastPoints = readings.range(key, last.startMillis(), now + 60_000);
            if (!lastPoints.isEmpty()) {
                ReadingStore.Point p = lastPoints.get(lastPoints.size() - 1);
                stored.put(key, new Reading(p.timestampMillis(), key.siteId(), key.assetId(), key.metric(), p.value()));
            }
            if (key.metric().equals(MetricCatalog.POWER_KW)) {
                for (ReadingStore.Bucket b : series) {
                    buckets.computeIfAbsent(b.startMillis(), t -> new HashMap<>()).put(key, b.mean());
                }
            }
        }
        List<DashboardModel.TrendPoint> trend = new ArrayList<>();
        Map<SeriesKey, Double> running = new HashMap<>();
        for (Map.Entry<Long, Map<SeriesKey, Double>> b : buckets.entrySet()) {
            running.putAll(b.getValue());
            trend.add(new DashboardModel.TrendPoint(b.getKey() + BACKFILL_BUCKET_MILLIS / 2,
                    KeyMetrics.compute(running, kinds, names)));
        }
        return new Loaded(site, kinds, names, stored, trend);
    }

    @Override
    public void dispose() {
        if (markPoller != null) {
            markPoller.cancel(false);
        }
        ctx.live().unsubscribe(liveListener);
        extraTiles.forEach(DashboardTile::dispose);
    }

    /** The tiles other areas contributed (see {@link DashboardTiles}). */
    public List<DashboardTile> extraTiles() {
        return List.copyOf(extraTiles);
    }
}
