package ai.vidyut.console.forecast;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Random;

/** Known hourly series for tests: trend with one changepoint, daily and weekly cycles, Gaussian noise. */
final class Synthetic {

    static final LocalDateTime START = LocalDateTime.of(2021, 1, 4, 0, 0); // a Monday
    static final int CHANGE_DAY = 150;

    private Synthetic() {
    }

    static double trend(int i) {
        double day = i / 24.0;
        return 1000 + 0.5 * day + (day > CHANGE_DAY ? -1.5 * (day - CHANGE_DAY) : 0);
    }

    static double daily(int i) {
        double a = 2 * Math.PI * (i % 24) / 24.0;
        return 80 * Math.sin(a) + 30 * Math.cos(2 * a);
    }

    static double weekly(int i) {
        return 40 * Math.cos(2 * Math.PI * (i / 24.0) / 7.0);
    }

    static RegularSeries series(int days, double sigma, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[days * 24];
        for (int i = 0; i < v.length; i++) {
            v[i] = trend(i) + daily(i) + weekly(i) + sigma * rnd.nextGaussian();
        }
        return RegularSeries.of("load", START, Duration.ofHours(1), v);
    }
}
