package ai.vidyut.console.ui.forecast;

import ai.vidyut.console.ui.SeriesChoice;
import ai.vidyut.console.forecast.Forecast;
import ai.vidyut.console.forecast.ForecastService;
import ai.vidyut.console.forecast.RegularSeries;
import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.ChoiceBar;
import ai.vidyut.console.ui.SelectedSiteSeries;
import ai.vidyut.console.ui.events.DataImported;
import ai.vidyut.console.ui.events.SiteSelected;
import ai.vidyut.console.ui.history.BandChart;
import ai.vidyut.console.ui.views.ViewContext;
import ai.vidyut.console.ui.views.ViewController;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Forecast view: the last days of a stored series, its forecast with the shaded 95 % band, the forecast's
 * components, and the rolling-origin backtest figures behind the band. Forecasts run off the FX thread in the
 * core's {@link ForecastService} and refresh as data arrives (at most once a minute).
 */
public final class ForecastController implements ViewController {

    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final long HOUR_MS = 3_600_000L;

    private final ViewContext ctx;
    private final ForecastModel model = new ForecastModel();
    private final NumberAxis timeAxis = new NumberAxis();
    private final NumberAxis valueAxis = new NumberAxis();
    private final BandChart chart = new BandChart(timeAxis, valueAxis);
    private final XYChart.Series<Number, Number> history = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> forecastLine = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> trendLine = new XYChart.Series<>();
    private final NumberAxis compTime = new NumberAxis();
    private final LineChart<Number, Number> components = new LineChart<>(compTime, new NumberAxis());
    private final ForecastService service;
    private final java.util.function.Consumer<ForecastService.Result> onResult = this::onResult;
    private ForecastService.Request watching;
    private final SelectedSiteSeries<SiteSeries> seriesList;
    private long generation;
    private boolean adjusting;
    /** Zone of the time-axis labels: the forecast's (the site's), like the tile's peak time. */
    private volatile ZoneId axisZone = ZoneId.systemDefault();

    @FXML private Label title;
    @FXML private Label subtitle;
    @FXML private ComboBox<SeriesKey> seriesBox;
    @FXML private HBox horizonBar;
    @FXML private ComboBox<String> countryBox;
    @FXML private Button refreshButton;
    @FXML private ProgressIndicator busy;
    @FXML private StackPane chartHolder;
    @FXML private StackPane componentsHolder;
    @FXML private Label metricsLabel;
    @FXML private Label messageLabel;

    public ForecastController(ViewContext ctx) {
        this.ctx = ctx;
        this.service = ForecastServices.of(ctx);
        this.seriesList = new SelectedSiteSeries<>(ctx.background(), model, new SeriesOfSite());
    }

    public ForecastModel model() {
        return model;
    }

    public BandChart chart() {
        return chart;
    }

    public LineChart<Number, Number> componentsChart() {
        return components;
    }

    @FXML
    private void initialize() {
        chart.setId("forecastChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        timeAxis.setAutoRanging(false);
        timeAxis.setForceZeroInRange(false);
        timeAxis.setMinorTickVisible(false);
        timeAxis.setTickLabelFormatter(hours());
        valueAxis.setForceZeroInRange(false);
        history.setName("history");
        forecastLine.setName("forecast");
        chart.getData().add(history);
        chart.getData().add(forecastLine);
        trendLine.setName("trend");
        // dashed: the trend is the level the seasonal components move around, not a second forecast
        trendLine.nodeProperty().addListener((o, was, now) -> {
            if (now != null) {
                now.setStyle("-fx-stroke-dash-array: 6 5; -fx-stroke-width: 1.5;");
            }
        });
        chartHolder.getChildren().add(chart);
        components.setId("componentsChart");
        components.setAnimated(false);
        components.setCreateSymbols(false);
        compTime.setForceZeroInRange(false);
        compTime.setTickLabelFormatter(hours());
        componentsHolder.getChildren().add(components);

        seriesBox.setId("forecastSeriesBox");
        seriesList.bind(seriesBox);
        model.selectedProperty().addListener((o, was, now) -> refresh());

        ChoiceBar.fill(horizonBar, java.util.Arrays.stream(ForecastModel.HORIZONS).boxed().toList(),
                h -> h % 24 == 0 && h > 24 ? (h / 24) + " d" : h + " h", h -> "horizon-" + h,
                model.horizonHoursProperty().get(), h -> {
                    model.horizonHoursProperty().set(h);
                    refresh();
                });
        countryBox.getItems().setAll("none", "US", "IN");
        countryBox.valueProperty().bindBidirectional(model.countryProperty());
        model.countryProperty().addListener((o, was, now) -> {
            if (!adjusting) {
                refresh();
            }
        });

        busy.visibleProperty().bind(model.loadingProperty());
        metricsLabel.setId("forecastMetrics");
        metricsLabel.textProperty().bind(model.metricsProperty());
        messageLabel.setId("forecastMessage");
        messageLabel.textProperty().bind(model.messageProperty());
        model.resultProperty().addListener((o, was, now) -> render(now));

        service.addListener(onResult);
        ctx.bus().subscribe(SiteSelected.class, e -> siteChanged(e.siteId()));
        ctx.bus().subscribe(DataImported.class, e -> seriesList.dataChanged());
        siteChanged(ctx.selectedSite().get());
    }

    private StringConverter<Number> hours() {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return LocalDateTime.ofInstant(Instant.ofEpochMilli((long) (n.doubleValue() * HOUR_MS)),
                        axisZone).format(TICK);
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        };
    }

    @Override
    public void shown() {
        seriesList.shown();
    }

    @Override
    public void hidden() {
        seriesList.hidden();
    }

    @Override
    public void dispose() {
        service.removeListener(onResult);
    }

    /** A refreshed forecast (on the service's thread): shown if it is the one on screen. */
    private void onResult(ForecastService.Result r) {
        Platform.runLater(() -> {
            if (r.request().equals(watching)) {
                model.show(r);
            }
        });
    }

    private void siteChanged(String siteId) {
        title.setText(siteId == null ? "Forecast" : "Forecast · " + siteId);
        seriesList.siteChanged(siteId);
    }

    /**
     * The site's stored series, its assets and its default holiday calendar; the series already shown stays, else the
     * site's load (the series the dashboard's "next 24 hours" tile forecasts) is picked.
     */
    private final class SeriesOfSite implements SelectedSiteSeries.View<SiteSeries> {
        @Override
        public SiteSeries fetch(String siteId) {
            return new SiteSeries(ctx.backend().readings().series(siteId), ctx.backend().sites().assets(siteId),
                    ForecastRequests.defaultCountry(ctx.backend().sites(), siteId));
        }

        @Override
        public List<SeriesKey> series(SiteSeries fetched) {
            return fetched.series();
        }

        @Override
        public SeriesKey choose(SiteSeries fetched, List<SeriesKey> list, SeriesKey kept) {
            if (kept != null) {
                return kept;
            }
            // a new site starts on its own holiday calendar (the picker can override it)
            adjusting = true;
            model.countryProperty().set(fetched.country());
            adjusting = false;
            SeriesKey load = SeriesChoice.loadSeries(list, fetched.assets());
            return load != null ? load : SeriesChoice.defaultSeries(list);
        }

        @Override
        public void reselected() {
            refresh();
        }

        @Override
        public void listed(SiteSeries fetched) {
            subtitle.setText("95 % bands from a rolling-origin backtest");
        }
    }

    @FXML
    private void refresh() {
        SeriesKey key = model.selectedProperty().get();
        long gen = ++generation;
        if (key == null) {
            return;
        }
        int horizon = model.horizonHoursProperty().get();
        String country = model.countryProperty().get();
        model.loadingProperty().set(true);
        model.messageProperty().set("Forecasting " + SeriesChoice.label(key) + " …");
        ForecastService.Request req = ForecastRequests.request(ctx.backend().sites(), key, horizon, country);
        if (watching != null && !watching.equals(req)) {
            service.unwatch(watching);
        }
        watching = req;
        ctx.background().run(() -> service.watch(req).get(), r -> {
            if (gen == generation) {
                model.loadingProperty().set(false);
                model.show(r);
            }
        }, e -> {
            if (gen == generation) {
                model.loadingProperty().set(false);
                model.messageProperty().set("Cannot forecast " + SeriesChoice.label(key) + ": " + Background.message(e));
            }
        });
    }

    private record SiteSeries(List<SeriesKey> series, List<Asset> assets, String country) {
    }

    private void render(ForecastService.Result r) {
        history.getData().clear();
        forecastLine.getData().clear();
        trendLine.getData().clear();
        chart.getData().remove(trendLine);
        chart.band().clear();
        components.getData().clear();
        if (r == null) {
            return;
        }
        axisZone = r.request().zone();
        RegularSeries h = r.history();
        Forecast f = r.forecast();
        int show = Math.min(h.size(), Math.max(72, 2 * f.size()));
        List<XYChart.Data<Number, Number>> hist = new ArrayList<>(show);
        for (int i = h.size() - show; i < h.size(); i++) {
            hist.add(new XYChart.Data<>(x(r, h.time(i)), h.value(i)));
        }
        history.getData().setAll(hist);
        List<XYChart.Data<Number, Number>> line = new ArrayList<>(f.size());
        List<BandChart.Band> band = new ArrayList<>(f.size());
        for (int i = 0; i < f.size(); i++) {
            double x = x(r, f.time(i));
            line.add(new XYChart.Data<>(x, f.predicted()[i]));
            band.add(new BandChart.Band(x, f.lower95()[i], f.upper95()[i]));
        }
        forecastLine.getData().setAll(line);
        chart.band().setAll(band);
        timeAxis.setLowerBound(x(r, h.time(h.size() - show)));
        timeAxis.setUpperBound(x(r, f.time(f.size() - 1)));
        timeAxis.setTickUnit(Math.max(1, (timeAxis.getUpperBound() - timeAxis.getLowerBound()) / 8));
        double[] trend = f.components().get("trend");
        if (trend != null && !isZero(trend)) {
            // the trend's level is on the data's scale: a dashed line under the forecast, not in the components
            // chart, where it would flatten the seasonal components around zero
            List<XYChart.Data<Number, Number>> t = new ArrayList<>(f.size());
            for (int i = 0; i < f.size(); i++) {
                t.add(new XYChart.Data<>(x(r, f.time(i)), trend[i]));
            }
            trendLine.getData().setAll(t);
            chart.getData().add(trendLine);
        }
        for (Map.Entry<String, double[]> c : f.components().entrySet()) {
            if (isZero(c.getValue()) || c.getKey().equals("trend")) {
                continue;
            }
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(c.getKey());
            for (int i = 0; i < f.size(); i++) {
                s.getData().add(new XYChart.Data<>(x(r, f.time(i)), c.getValue()[i]));
            }
            components.getData().add(s);
        }
    }

    /** The forecast's trend as charted (a dashed line on the main chart); empty when the model has none. */
    public XYChart.Series<Number, Number> trendSeries() {
        return trendLine;
    }

    private static boolean isZero(double[] v) {
        for (double d : v) {
            if (Math.abs(d) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    /** Chart x: hours since the epoch of the wall-clock time in the request's zone. */
    private static double x(ForecastService.Result r, LocalDateTime t) {
        return r.instant(t).toEpochMilli() / (double) HOUR_MS;
    }
}
