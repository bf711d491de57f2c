package ai.vidyut.console.forecast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accuracy of forecasts against what happened: MAE, RMSE, MAPE (over non-zero actuals, in %; for PV over actuals of
 * at least 5 % of capacity), share of actuals
 * inside the 95 % band, mean band width, and the design documents' accuracy score (100 − MAPE).
 */
public record Accuracy(int points, double mae, double rmse, double mape, double coverage95, double meanBandWidth) {

    public double accuracyScore() {
        return Double.isNaN(mape) ? Double.NaN : 100 - mape;
    }

    /** The metrics by name; metrics that are undefined (NaN, e.g. MAPE of an all-zero series) are left out. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mae", mae);
        m.put("rmse", rmse);
        m.put("mape", mape);
        m.put("coverage95", coverage95);
        m.put("meanBandWidth", meanBandWidth);
        m.put("accuracyScore", accuracyScore());
        m.put("points", (double) points);
        m.values().removeIf(v -> v == null || !Double.isFinite(v));
        return m;
    }

    /** Accumulates forecast/actual pairs. */
    public static final class Accumulator {
        private final double mapeFloor;
        private int n;
        private double abs;
        private double sq;
        private double ape;
        private int apeN;
        private int inside;
        private double width;

        public Accumulator() {
            this(0);
        }

        /**
         * {@code mapeFloor}: actuals smaller than this (in absolute value) are left out of MAPE — for PV, whose
         * dawn and dusk values would make percentage errors meaningless (the forecaster uses 5 % of capacity).
         */
        public Accumulator(double mapeFloor) {
            this.mapeFloor = mapeFloor;
        }

        public void add(double actual, double predicted, double lower, double upper) {
            double e = actual - predicted;
            n++;
            abs += Math.abs(e);
            sq += e * e;
            if (Math.abs(actual) > 1e-9 && Math.abs(actual) >= mapeFloor) {
                ape += Math.abs(e / actual);
                apeN++;
            }
            if (actual >= lower && actual <= upper) {
                inside++;
            }
            width += upper - lower;
        }

        public Accuracy result() {
            if (n == 0) {
                return new Accuracy(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Accuracy(n, abs / n, Math.sqrt(sq / n), apeN == 0 ? Double.NaN : 100 * ape / apeN,
                    100.0 * inside / n, width / n);
        }
    }
}
