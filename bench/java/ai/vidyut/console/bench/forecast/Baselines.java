package ai.vidyut.console.bench.forecast;

import ai.vidyut.console.forecast.RegularSeries;

import java.util.Arrays;

/** Reference forecasts the console's models are compared with. Each sees only points up to its origin. */
final class Baselines {

    private Baselines() {
    }

    /** Predicted, lower95, upper95 for one origin. */
    record Fc(double[] predicted, double[] lower, double[] upper) {
    }

    /**
     * Seasonal naive: the value one season (a day or a week) before each target; band from the empirical 2.5 / 97.5 %
     * quantiles of the same forecast's errors over the previous 8 weeks.
     */
    static Fc seasonalNaive(RegularSeries s, int origin, int horizon, int season) {
        double[] pred = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            int back = ((h + season - 1) / season) * season;
            pred[h - 1] = s.value(origin + h - back);
        }
        int window = 56 * s.stepsPerDay();
        double[] e = new double[window];
        int n = 0;
        for (int t = Math.max(season, origin - window + 1); t <= origin; t++) {
            e[n++] = s.value(t) - s.value(t - season);
        }
        e = Arrays.copyOf(e, n);
        Arrays.sort(e);
        double lo = e[(int) Math.floor(0.025 * (n - 1))];
        double hi = e[(int) Math.ceil(0.975 * (n - 1))];
        double[] l = new double[horizon];
        double[] u = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            l[h] = pred[h] + lo;
            u[h] = pred[h] + hi;
        }
        return new Fc(pred, l, u);
    }

    /** PV persistence: the same hour one day before; band: 2.5 / 97.5 % quantiles of its errors over 4 weeks. */
    static Fc persistence(RegularSeries s, int origin, int horizon, double capacity) {
        Fc f = seasonalNaive(s, origin, horizon, s.stepsPerDay());
        for (int h = 0; h < horizon; h++) {
            f.lower()[h] = Math.max(0, f.lower()[h]);
            f.upper()[h] = Math.min(capacity, f.upper()[h]);
        }
        return f;
    }

    /**
     * Additive Holt-Winters with season {@code m}, fitted on the last {@code weeks} weeks before the origin:
     * smoothing constants chosen by grid search on one-step squared error; 95 % band from the classical normal
     * approximation (Hyndman et al. 2008, class 1 variance), which is what such a model ships with.
     */
    static Fc holtWinters(RegularSeries s, int origin, int horizon, int m, int weeks) {
        int n = Math.min(origin + 1, weeks * 7 * s.stepsPerDay());
        double[] y = Arrays.copyOfRange(s.values(), origin + 1 - n, origin + 1);
        double[] grid = {0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9};
        double[] gridB = {0.0, 0.01, 0.05};
        double[] gridG = {0.05, 0.1, 0.2, 0.4};
        double best = Double.POSITIVE_INFINITY;
        double[] bestP = null;
        for (double a : grid) {
            for (double b : gridB) {
                for (double g : gridG) {
                    double sse = run(y, m, a, b, g, null);
                    if (sse < best) {
                        best = sse;
                        bestP = new double[] {a, b, g};
                    }
                }
            }
        }
        double[] state = new double[2 + m];
        double sse = run(y, m, bestP[0], bestP[1], bestP[2], state);
        double sigma2 = sse / Math.max(1, n - 2 * m);
        double level = state[0];
        double trend = state[1];
        double[] pred = new double[horizon];
        double[] lo = new double[horizon];
        double[] hi = new double[horizon];
        double a = bestP[0];
        double b = bestP[1];
        double g = bestP[2];
        for (int h = 1; h <= horizon; h++) {
            double season = state[2 + Math.floorMod(n + h - 1, m)];
            pred[h - 1] = level + h * trend + season;
            double v = 1;
            for (int j = 1; j < h; j++) {
                double c = a * (1 + j * b) + (j % m == 0 ? g * (1 - a) : 0);
                v += c * c;
            }
            double half = 1.96 * Math.sqrt(sigma2 * v);
            lo[h - 1] = pred[h - 1] - half;
            hi[h - 1] = pred[h - 1] + half;
        }
        return new Fc(pred, lo, hi);
    }

    /** Runs the recursions over y; returns the one-step SSE after the first two seasons; fills the final state. */
    private static double run(double[] y, int m, double a, double b, double g, double[] out) {
        double level = 0;
        for (int i = 0; i < m; i++) {
            level += y[i];
        }
        level /= m;
        double level2 = 0;
        for (int i = m; i < 2 * m; i++) {
            level2 += y[i];
        }
        level2 /= m;
        double trend = (level2 - level) / m;
        double[] season = new double[m];
        for (int i = 0; i < m; i++) {
            season[i] = y[i] - level;
        }
        level = level + trend * (m - 1) / 2.0;
        double sse = 0;
        for (int t = m; t < y.length; t++) {
            int si = t % m;
            double fc = level + trend + season[si];
            double e = y[t] - fc;
            if (t >= 2 * m) {
                sse += e * e;
            }
            double newLevel = a * (y[t] - season[si]) + (1 - a) * (level + trend);
            trend = b * (newLevel - level) + (1 - b) * trend;
            season[si] = g * (y[t] - newLevel) + (1 - g) * season[si];
            level = newLevel;
        }
        if (out != null) {
            out[0] = level;
            out[1] = trend;
            System.arraycopy(season, 0, out, 2, m);
        }
        return sse;
    }
}
