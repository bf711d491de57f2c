package ai.vidyut.console.forecast;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forecast: for each of {@code size()} steps after the last observation, the predicted value and its 95 % band,
 * plus the components the prediction is made of (trend, daily, weekly, yearly, holidays, weather, recent — the
 * short-horizon correction; or clearSky and weather for PV), and how well the same model did on the calibration
 * origins just before (a rolling-origin backtest).
 */
public final class Forecast {

    /** One forecast point, in the design documents' shape. */
    public record Point(LocalDateTime time, double predicted, double lower95, double upper95) {
    }

    private final LocalDateTime first;
    private final Duration step;
    private final double[] predicted;
    private final double[] lower95;
    private final double[] upper95;
    private final Map<String, double[]> components;
    private final String model;
    private final double blendWeight;
    private final Accuracy calibration;
    private final int calibrationOrigins;
    private final String bandMethod;
    private final Map<String, Object> details;

    Forecast(LocalDateTime first, Duration step, double[] predicted, double[] lower95, double[] upper95,
             Map<String, double[]> components, String model, double blendWeight, Accuracy calibration,
             int calibrationOrigins, String bandMethod, Map<String, Object> details) {
        this.first = first;
        this.step = step;
        this.predicted = predicted;
        this.lower95 = lower95;
        this.upper95 = upper95;
        this.components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        this.model = model;
        this.blendWeight = blendWeight;
        this.calibration = calibration;
        this.calibrationOrigins = calibrationOrigins;
        this.bandMethod = bandMethod;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public int size() {
        return predicted.length;
    }

    public LocalDateTime time(int i) {
        return first.plus(step.multipliedBy(i));
    }

    public Duration step() {
        return step;
    }

    public double[] predicted() {
        return predicted;
    }

    public double[] lower95() {
        return lower95;
    }

    public double[] upper95() {
        return upper95;
    }

    public List<Point> points() {
        List<Point> out = new ArrayList<>(predicted.length);
        for (int i = 0; i < predicted.length; i++) {
            out.add(new Point(time(i), predicted[i], lower95[i], upper95[i]));
        }
        return out;
    }

    /** Named components, each with one value per forecast step. */
    public Map<String, double[]> components() {
        return components;
    }

    /** Which model made it, e.g. {@code decomposable+direct}, {@code decomposable} or {@code solar}. */
    public String model() {
        return model;
    }

    /** Weight of the short-horizon correction chosen on the calibration origins (0: decomposable model only). */
    public double blendWeight() {
        return blendWeight;
    }

    /** Accuracy of this model configuration on the calibration origins (a rolling-origin backtest). */
    public Accuracy calibration() {
        return calibration;
    }

    public int calibrationOrigins() {
        return calibrationOrigins;
    }

    public String bandMethod() {
        return bandMethod;
    }

    public Map<String, Object> details() {
        return details;
    }
}
