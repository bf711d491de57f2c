package ai.vidyut.console.forecast;

/**
 * The short-horizon model: one ridge regression per horizon step ("direct" multi-step forecasting), predicting the
 * decomposable model's residual at origin + h from the most recent residuals, the same time of day in the latest
 * full day and the same time a week before, and the last day's and week's mean residual. It is trained only on past
 * origins at the same time of day as the forecast origin, so each horizon's model is also a time-of-day model.
 * Recent residuals carry what the calendar cannot know — this week's weather, an outage, a new tenant.
 */
final class DirectModel {

    private static final int FEATURES = 9;

    private final int horizon;
    private final int p;
    private final boolean weekly;
    private final double scale;
    private final double[][] beta;

    private DirectModel(int horizon, int p, boolean weekly, double scale, double[][] beta) {
        this.horizon = horizon;
        this.p = p;
        this.weekly = weekly;
        this.scale = scale;
        this.beta = beta;
    }

    /** Oldest lag a feature row reaches back to, for an origin. */
    static int lookback(int p, boolean weekly) {
        return (weekly ? 7 * p : p) + 4;
    }

    /**
     * Trains on residuals {@code r[from .. lastKnown]} for origins congruent to {@code phaseOrigin} modulo a day.
     * Returns null when there are too few training origins.
     */
    static DirectModel fit(double[] r, int from, int lastKnown, int phaseOrigin, int horizon, int p) {
        boolean weekly = lastKnown - from > 7 * p * 3;
        int back = lookback(p, weekly);
        int first = from + back;
        // first origin >= `first` with origin ≡ phaseOrigin (mod p)
        int o0 = first + Math.floorMod(phaseOrigin - first, p);
        double ss = 0;
        int cnt = 0;
        for (int i = from; i <= lastKnown; i++) {
            ss += r[i] * r[i];
            cnt++;
        }
        double scale = Math.sqrt(ss / Math.max(1, cnt));
        if (scale < 1e-12) {
            scale = 1;
        }
        double[][] beta = new double[horizon][];
        double[] row = new double[FEATURES];
        for (int h = 1; h <= horizon; h++) {
            int n = 0;
            for (int o = o0; o + h <= lastKnown; o += p) {
                n++;
            }
            if (n < 3 * FEATURES) {
                return null;
            }
            Ridge.Design x = new Ridge.Design(n, FEATURES);
            double[] y = new double[n];
            int k = 0;
            for (int o = o0; o + h <= lastKnown; o += p) {
                features(r, o, h, p, weekly, scale, row);
                x.setRow(k, row);
                y[k++] = r[o + h] / scale;
            }
            double[] pen = new double[FEATURES];
            java.util.Arrays.fill(pen, 1.0);
            pen[0] = 1e-6;
            beta[h - 1] = Ridge.solve(x, y, pen);
        }
        return new DirectModel(horizon, p, weekly, scale, beta);
    }

    private static void features(double[] r, int o, int h, int p, boolean weekly, double scale, double[] row) {
        row[0] = 1;
        row[1] = r[o] / scale;
        row[2] = r[o - 1] / scale;
        row[3] = r[o - 2] / scale;
        row[4] = r[o - 3] / scale;
        double day = 0;
        for (int i = o - p + 1; i <= o; i++) {
            day += r[i];
        }
        row[5] = day / p / scale;
        int daysBack = (h + p - 1) / p;
        row[6] = r[o + h - daysBack * p] / scale;
        if (weekly) {
            int weeksBack = (h + 7 * p - 1) / (7 * p);
            row[7] = r[o + h - weeksBack * 7 * p] / scale;
            double week = 0;
            for (int i = o - 7 * p + 1; i <= o; i++) {
                week += r[i];
            }
            row[8] = week / (7 * p) / scale;
        } else {
            row[7] = 0;
            row[8] = 0;
        }
    }

    /** Residual corrections for origin + 1 .. origin + horizon; needs {@code r} up to the origin. */
    double[] predict(double[] r, int origin) {
        double[] out = new double[horizon];
        double[] row = new double[FEATURES];
        for (int h = 1; h <= horizon; h++) {
            features(r, origin, h, p, weekly, scale, row);
            double z = 0;
            for (int j = 0; j < FEATURES; j++) {
                z += row[j] * beta[h - 1][j];
            }
            out[h - 1] = z * scale;
        }
        return out;
    }

    int horizon() {
        return horizon;
    }
}
