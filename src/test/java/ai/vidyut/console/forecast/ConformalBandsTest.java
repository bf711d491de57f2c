package ai.vidyut.console.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConformalBandsTest {

    @Test
    void bandsCoverAbout95PercentOfDataFromAKnownDistribution() {
        double sigma = 20;
        RegularSeries s = Synthetic.series(300, sigma, 42);
        Backtester.Result r = Backtester.run(s, 24, 40, 24, ForecastOptions.defaults());
        Accuracy a = r.accuracy();
        assertThat(a.points()).isEqualTo(40 * 24);
        System.out.println("synthetic N(0, 20) noise: " + a);
        assertThat(a.coverage95()).isBetween(91.0, 99.0);
        // iid Gaussian noise: the ideal 95 % band is 2 × 1.96 σ wide; conformal bands should be close to it
        assertThat(a.meanBandWidth()).isBetween(2 * 1.96 * sigma * 0.85, 2 * 1.96 * sigma * 1.35);
        // and the point forecast is near the noise floor (MAE of N(0, σ) is 0.8 σ)
        assertThat(a.mae()).isLessThan(0.8 * sigma * 1.2);
    }

    @Test
    void conformalQuantilesAreOrderStatisticsOfTheScaledErrors() {
        double[][] err = new double[1][100];
        double[][] scale = new double[1][100];
        for (int i = 0; i < 100; i++) {
            err[0][i] = i - 49.5;
            scale[0][i] = 1;
        }
        double[] q = Forecaster.conformalQuantiles(err, scale, null);
        assertThat(q[0]).isLessThan(-45.0);
        assertThat(q[1]).isGreaterThan(45.0);
        assertThat(q[1]).isLessThanOrEqualTo(49.5);
    }

    @Test
    void adaptiveLevelWidensAfterARunOfMissesAndStaysNearNominalWhenErrorsAreExchangeable() {
        java.util.Random rnd = new java.util.Random(7);
        int days = 56;
        double[][] calm = new double[days][24];
        double[][] snap = new double[days][24];
        double[][] scale = new double[days][24];
        for (int k = 0; k < days; k++) {
            for (int h = 0; h < 24; h++) {
                double z = rnd.nextGaussian();
                calm[k][h] = z;
                // the last 10 days' errors are three times as large as the calibration weeks before them
                snap[k][h] = k >= days - 10 ? 3 * z : z;
                scale[k][h] = 1;
            }
        }
        double aCalm = Forecaster.adaptiveAlpha(calm, scale, 0, Forecaster.ACI_GAMMA);
        double aSnap = Forecaster.adaptiveAlpha(snap, scale, 0, Forecaster.ACI_GAMMA);
        assertThat(aCalm).isBetween(0.03, 0.07);
        assertThat(aSnap).isLessThan(0.02);
        double[] qCalm = Forecaster.conformalQuantiles(snap, scale, null, aCalm);
        double[] qSnap = Forecaster.conformalQuantiles(snap, scale, null, aSnap);
        assertThat(qSnap[1] - qSnap[0]).isGreaterThan(qCalm[1] - qCalm[0]);
    }

    @Test
    void anOutOfSampleReplaySeesTheMissesThatScalesFittedOnTheReplayedDaysThemselvesHide() {
        java.util.Random rnd = new java.util.Random(13);
        int days = 84;
        double[][] err = new double[days][24];
        double[] sigma = new double[days];
        for (int k = 0; k < days; k++) {
            // the errors' size drifts upwards: each day's is only partly known from the days before it
            sigma[k] = Math.exp(0.03 * k + 0.3 * rnd.nextGaussian());
            for (int h = 0; h < 24; h++) {
                err[k][h] = sigma[k] * rnd.nextGaussian();
            }
        }
        // in sample: every day scaled by the size fitted on all days, the day itself included (here: its own)
        double[][] inSample = new double[days][24];
        for (int k = 0; k < days; k++) {
            java.util.Arrays.fill(inSample[k], sigma[k]);
        }
        // out of sample: day k scaled by what the days before it say (their mean size)
        java.util.function.IntFunction<double[][]> outOfSample = k -> {
            double mean = 0;
            for (int j = 0; j < k; j++) {
                mean += sigma[j] / k;
            }
            double[][] sc = new double[k + 1][24];
            for (int j = 0; j <= k; j++) {
                java.util.Arrays.fill(sc[j], j < k ? sigma[j] : mean);
            }
            return sc;
        };
        double aIn = Forecaster.adaptiveAlpha(err, inSample, 0, Forecaster.ACI_GAMMA);
        double aOut = Forecaster.adaptiveAlpha(err, outOfSample, 0, Forecaster.ACI_GAMMA);
        assertThat(aIn).isBetween(0.03, 0.07);
        assertThat(aOut).isLessThan(aIn - 0.015);
    }

    @Test
    void shortHistoryStillForecastsWithAWideBand() {
        RegularSeries s = Synthetic.series(4, 5, 9);
        Forecast f = new Forecaster(ForecastOptions.defaults()).forecast(s, 12);
        assertThat(f.size()).isEqualTo(12);
        assertThat(f.bandMethod()).contains("in-sample");
        for (int h = 0; h < 12; h++) {
            assertThat(f.lower95()[h]).isLessThan(f.predicted()[h]);
            assertThat(f.upper95()[h]).isGreaterThan(f.predicted()[h]);
        }
    }

    @Test
    void tooShortHistoryIsAClearError() {
        RegularSeries s = Synthetic.series(1, 5, 9);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Forecaster(ForecastOptions.defaults()).forecast(s, 12))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too little history");
    }
}
