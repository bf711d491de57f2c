package ai.vidyut.console.forecast;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A series on a regular wall-clock grid: point {@code i} is at {@code start + i * step}. {@code values} has no gaps
 * (missing points were filled by interpolation; {@link #observed(int)} tells which ones were measured). Regressors
 * (temperature, irradiance, ...) are aligned with the values and may extend past them into the future.
 */
public final class RegularSeries {

    private final String name;
    private final LocalDateTime start;
    private final Duration step;
    private final double[] values;
    private final boolean[] observed;
    private final Map<String, double[]> regressors;

    public RegularSeries(String name, LocalDateTime start, Duration step, double[] values, boolean[] observed,
                         Map<String, double[]> regressors) {
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive");
        }
        if (observed.length != values.length) {
            throw new IllegalArgumentException("observed mask length differs from values");
        }
        this.name = name;
        this.start = start;
        this.step = step;
        this.values = values;
        this.observed = observed;
        this.regressors = new LinkedHashMap<>(regressors == null ? Map.of() : regressors);
        for (var e : this.regressors.entrySet()) {
            if (e.getValue().length < values.length) {
                throw new IllegalArgumentException("regressor " + e.getKey() + " is shorter than the series");
            }
        }
    }

    /** A fully observed series without regressors. */
    public static RegularSeries of(String name, LocalDateTime start, Duration step, double[] values) {
        boolean[] obs = new boolean[values.length];
        Arrays.fill(obs, true);
        return new RegularSeries(name, start, step, values, obs, Map.of());
    }

    public String name() {
        return name;
    }

    public LocalDateTime start() {
        return start;
    }

    public Duration step() {
        return step;
    }

    public int size() {
        return values.length;
    }

    public double value(int i) {
        return values[i];
    }

    public double[] values() {
        return values;
    }

    public boolean observed(int i) {
        return observed[i];
    }

    public Map<String, double[]> regressors() {
        return regressors;
    }

    public LocalDateTime time(int i) {
        return start.plus(step.multipliedBy(i));
    }

    /** Steps per day (1 when the step is a day or longer). */
    public int stepsPerDay() {
        long s = step.getSeconds();
        return s >= 86_400 ? 1 : (int) Math.max(1, Math.round(86_400.0 / s));
    }

    public LocalDateTime lastTime() {
        return time(values.length - 1);
    }

    /** The first {@code n} points, with regressors kept in full (they stand for known future inputs). */
    public RegularSeries head(int n) {
        return new RegularSeries(name, start, step, Arrays.copyOf(values, n), Arrays.copyOf(observed, n), regressors);
    }

    /** The same values with regressors replaced (e.g. extended by a future-regressors file). */
    public RegularSeries withRegressors(Map<String, double[]> regs) {
        return new RegularSeries(name, start, step, values, observed, regs);
    }

    /** Whether every regressor has a value for the {@code horizon} points after the end. */
    public boolean regressorsCover(int horizon) {
        for (double[] r : regressors.values()) {
            if (r.length < values.length + horizon) {
                return false;
            }
            for (int i = values.length; i < values.length + horizon; i++) {
                if (Double.isNaN(r[i])) {
                    return false;
                }
            }
        }
        return true;
    }
}
