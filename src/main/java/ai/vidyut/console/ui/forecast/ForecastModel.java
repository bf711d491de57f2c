package ai.vidyut.console.ui.forecast;

import ai.vidyut.console.forecast.Accuracy;
import ai.vidyut.console.forecast.ForecastService;
import ai.vidyut.console.ui.SiteSeriesModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;

/** State of the forecast view: series, horizon, holiday calendar and the latest forecast. FX thread only. */
public final class ForecastModel extends SiteSeriesModel {

    /** Horizon choices, in hours. */
    public static final int[] HORIZONS = {24, 48, 72, 168};

    private final IntegerProperty horizonHours = new SimpleIntegerProperty(24);
    private final StringProperty country = new SimpleStringProperty("none");
    private final ObjectProperty<ForecastService.Result> result = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty metrics = new SimpleStringProperty("");

    public IntegerProperty horizonHoursProperty() {
        return horizonHours;
    }

    public StringProperty countryProperty() {
        return country;
    }

    public ObjectProperty<ForecastService.Result> resultProperty() {
        return result;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty metricsProperty() {
        return metrics;
    }

    /** Shows a new forecast and its backtest figures. */
    public void show(ForecastService.Result r) {
        result.set(r);
        metrics.set(describe(r));
        messageProperty().set("");
    }

    static String describe(ForecastService.Result r) {
        return accuracy(r) + weather(r.weather());
    }

    /** How the site's weather series was used: kept or dropped by the backtest, with both MAPEs. */
    static String weather(ForecastService.WeatherChoice w) {
        if (w == null || !w.tried()) {
            return "";
        }
        String what = w.series().substring(w.series().indexOf('/') + 1) + " " + w.lagSteps() + " steps earlier";
        if (Double.isNaN(w.mapeWith()) || Double.isNaN(w.mapeWithout())) {
            return " · weather regressor " + what + " not used: " + w.reason();
        }
        return String.format(Locale.ROOT, " · weather regressor %s %s (backtest MAPE %.1f %% with, %.1f %% without)",
                what, w.used() ? "used" : "not used", w.mapeWith(), w.mapeWithout());
    }

    private static String accuracy(ForecastService.Result r) {
        Accuracy a = r.forecast().calibration();
        String model = r.forecast().model()
                + (r.forecast().model().contains("direct") ? String.format(Locale.ROOT, " (short-horizon weight %.1f)",
                r.forecast().blendWeight()) : "");
        if (r.forecast().calibrationOrigins() == 0) {
            return "Model " + model + " · too little history for a backtest yet; band: " + r.forecast().bandMethod();
        }
        return String.format(Locale.ROOT, "Model %s · backtest over %d origins: MAE %.2f · RMSE %.2f · MAPE %s · "
                        + "95 %% coverage %.1f %% · mean band width %.2f · accuracy score %s", model,
                r.forecast().calibrationOrigins(), a.mae(), a.rmse(),
                Double.isNaN(a.mape()) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", a.mape()), a.coverage95(),
                a.meanBandWidth(), Double.isNaN(a.accuracyScore()) ? "n/a"
                        : String.format(Locale.ROOT, "%.1f", a.accuracyScore()));
    }
}
