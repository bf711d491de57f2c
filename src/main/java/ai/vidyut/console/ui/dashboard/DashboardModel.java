package ai.vidyut.console.ui.dashboard;

import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.ui.live.LiveUpdate;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard of one site: headline figures, every latest value, and a 15-minute trend of site power,
 * solar and load. Updated on the FX thread from the coalesced {@link LiveUpdate}s (a few per second).
 */
public final class DashboardModel {

    public static final long TREND_WINDOW_MILLIS = 15 * 60_000L;
    /** The trend keeps one point per step; later values within a step replace the step's point. */
    public static final long TREND_STEP_MILLIS = 2_000L;

    private final StringProperty siteId = new SimpleStringProperty();
    private final ObjectProperty<KeyMetrics> metrics = new SimpleObjectProperty<>(KeyMetrics.EMPTY);
    private final LongProperty lastUpdate = new SimpleLongProperty();
    private final ObservableList<LatestRow> rows = FXCollections.observableArrayList();
    private final Map<SeriesKey, LatestRow> rowsByKey = new HashMap<>();
    private final Map<SeriesKey, Double> latest = new HashMap<>();
    private Map<String, AssetKind> kinds = Map.of();
    private Map<String, String> names = Map.of();

    private final XYChart.Series<Number, Number> siteTrend = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> solarTrend = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> loadTrend = new XYChart.Series<>();

    public DashboardModel() {
        siteTrend.setName("Site (grid) kW");
        solarTrend.setName("Solar kW");
        loadTrend.setName("Load kW");
    }

    public StringProperty siteIdProperty() {
        return siteId;
    }

    public ObjectProperty<KeyMetrics> metricsProperty() {
        return metrics;
    }

    public KeyMetrics metrics() {
        return metrics.get();
    }

    /** Timestamp (ms) of the newest reading shown. */
    public LongProperty lastUpdateProperty() {
        return lastUpdate;
    }

    public ObservableList<LatestRow> rows() {
        return rows;
    }

    public List<XYChart.Series<Number, Number>> trends() {
        return List.of(siteTrend, solarTrend, loadTrend);
    }

    /** Switches to a site: clears everything, then seeds with the latest known values. */
    public void reset(String site, Map<String, AssetKind> assetKinds, Map<String, String> assetNames,
                      Map<SeriesKey, Reading> seed) {
        siteId.set(site);
        kinds = Map.copyOf(assetKinds);
        names = Map.copyOf(assetNames);
        latest.clear();
        rows.clear();
        rowsByKey.clear();
        lastUpdate.set(0);
        for (XYChart.Series<Number, Number> s : trends()) {
            s.getData().clear();
        }
        seed.values().stream().filter(r -> r.siteId().equals(site)).forEach(this::put);
        sortRows();
        recompute();
    }

    /** Adds stored or earlier values (older than what is shown are ignored per series). */
    public void seed(Map<SeriesKey, Reading> values) {
        String site = siteId.get();
        int before = rows.size();
        values.values().stream().filter(r -> r.siteId().equals(site)).forEach(this::put);
        if (rows.size() != before) {
            sortRows();
        }
        recompute();
    }

    /** Asset kinds/names were edited or discovered. */
    public void assetsChanged(Map<String, AssetKind> assetKinds, Map<String, String> assetNames) {
        kinds = Map.copyOf(assetKinds);
        names = Map.copyOf(assetNames);
        recompute();
    }

    /** A point of the trend backfill: the headline figures at {@code timeMillis}. */
    public record TrendPoint(long timeMillis, KeyMetrics metrics) {
    }

    /** Prepends stored history to the trend (loaded off the FX thread when a site is opened). */
    public void backfill(List<TrendPoint> points) {
        long firstLive = siteTrend.getData().isEmpty() ? Long.MAX_VALUE : siteTrend.getData().get(0).getXValue().longValue();
        List<TrendPoint> older = points.stream().filter(p -> p.timeMillis() < firstLive)
                .sorted(Comparator.comparingLong(TrendPoint::timeMillis)).toList();
        for (int i = older.size() - 1; i >= 0; i--) {
            TrendPoint p = older.get(i);
            addFront(siteTrend, p.timeMillis(), p.metrics().sitePowerKw());
            addFront(solarTrend, p.timeMillis(), p.metrics().solarKw());
            addFront(loadTrend, p.timeMillis(), p.metrics().loadKw());
        }
    }

    private static void addFront(XYChart.Series<Number, Number> s, long t, double v) {
        if (Double.isFinite(v)) {
            s.getData().add(0, new XYChart.Data<>(t, v));
        }
    }

    /** Applies one coalesced tick of live readings (only this site's are used). */
    public void apply(LiveUpdate update) {
        String site = siteId.get();
        if (site == null) {
            return;
        }
        boolean changed = false;
        boolean added = false;
        for (Map.Entry<SeriesKey, List<Reading>> e : update.points().entrySet()) {
            if (!e.getKey().siteId().equals(site)) {
                continue;
            }
            added |= !rowsByKey.containsKey(e.getKey());
            put(update.latest(e.getKey()));
            changed = true;
        }
        if (!changed) {
            return;
        }
        if (added) {
            sortRows();
        }
        recompute();
        appendTrend(lastUpdate.get(), metrics.get());
    }

    private void put(Reading r) {
        LatestRow row = rowsByKey.computeIfAbsent(r.seriesKey(), k -> {
            LatestRow created = new LatestRow(k);
            rows.add(created);
            return created;
        });
        row.update(r.value(), r.timestampMillis());
        latest.put(r.seriesKey(), row.valueProperty().get());
        if (r.timestampMillis() > lastUpdate.get()) {
            lastUpdate.set(r.timestampMillis());
        }
    }

    private void sortRows() {
        FXCollections.sort(rows, Comparator.comparing(LatestRow::asset).thenComparing(LatestRow::metricName));
    }

    private void recompute() {
        metrics.set(KeyMetrics.compute(latest, kinds, names));
    }

    private void appendTrend(long t, KeyMetrics m) {
        append(siteTrend, t, m.sitePowerKw());
        append(solarTrend, t, m.solarKw());
        append(loadTrend, t, m.loadKw());
    }

    private static void append(XYChart.Series<Number, Number> s, long t, double v) {
        if (!Double.isFinite(v) || t <= 0) {
            return;
        }
        var data = s.getData();
        if (!data.isEmpty()) {
            XYChart.Data<Number, Number> last = data.get(data.size() - 1);
            long lastT = last.getXValue().longValue();
            if (t < lastT) {
                return;
            }
            if (t / TREND_STEP_MILLIS == lastT / TREND_STEP_MILLIS) {
                last.setXValue(t);
                last.setYValue(v);
                return;
            }
        }
        data.add(new XYChart.Data<>(t, v));
        long cutoff = t - TREND_WINDOW_MILLIS;
        int drop = 0;
        while (drop < data.size() && data.get(drop).getXValue().longValue() < cutoff) {
            drop++;
        }
        if (drop > 0) {
            data.remove(0, drop);
        }
    }
}
