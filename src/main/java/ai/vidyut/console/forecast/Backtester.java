package ai.vidyut.console.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin backtest: at each origin the forecaster sees only the points up to that origin (regressors are
 * taken as known for the horizon, as a weather forecast would be), forecasts {@code horizon} steps, and is scored on
 * what followed.
 */
public final class Backtester {

    private Backtester() {
    }

    /** Scores of one origin. */
    public record OriginResult(int origin, Forecast forecast, double[] actual) {
    }

    public record Result(Accuracy accuracy, List<OriginResult> origins, long wallNanos, Map<String, Integer> models) {

        public double wallSeconds() {
            return wallNanos / 1e9;
        }
    }

    /**
     * {@code origins} origins spaced {@code spacing} steps apart, the last one {@code horizon} steps before the end
     * of the series.
     */
    public static Result run(RegularSeries s, int horizon, int origins, int spacing, ForecastOptions options) {
        if (origins < 1) {
            throw new IllegalArgumentException("origins must be at least 1");
        }
        if (spacing < 1) {
            throw new IllegalArgumentException("spacing must be at least 1 step");
        }
        int last = s.size() - 1 - horizon;
        int[] idx = new int[origins];
        for (int k = 0; k < origins; k++) {
            idx[k] = last - (origins - 1 - k) * spacing;
        }
        if (idx[0] < Math.max(2 * s.stepsPerDay(), 8)) {
            throw new IllegalArgumentException("not enough history for " + origins + " origins " + spacing
                    + " steps apart with horizon " + horizon + ": the series has " + s.size() + " points");
        }
        return runAt(s, horizon, idx, options);
    }

    /** PV percentage errors only count when the actual is at least 5 % of capacity. */
    static double mapeFloor(ForecastOptions options) {
        return options.solar() == null ? 0 : 0.05 * options.solar().capacityKw();
    }

    /** Backtest at the given origin indexes (each the index of the last point the forecaster may see). */
    public static Result runAt(RegularSeries s, int horizon, int[] originIdx, ForecastOptions options) {
        Forecaster f = new Forecaster(options);
        Accuracy.Accumulator acc = new Accuracy.Accumulator(mapeFloor(options));
        List<OriginResult> out = new ArrayList<>();
        Map<String, Integer> models = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (int o : originIdx) {
            if (o + horizon >= s.size()) {
                throw new IllegalArgumentException("origin " + s.time(o) + " leaves fewer than " + horizon
                        + " steps to score");
            }
            Forecast fc = f.forecast(s.head(o + 1), horizon);
            double[] actual = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                actual[h] = s.value(o + 1 + h);
                if (s.observed(o + 1 + h)) {
                    acc.add(actual[h], fc.predicted()[h], fc.lower95()[h], fc.upper95()[h]);
                }
            }
            models.merge(fc.model(), 1, Integer::sum);
            out.add(new OriginResult(o, fc, actual));
        }
        return new Result(acc.result(), out, System.nanoTime() - t0, models);
    }
}
