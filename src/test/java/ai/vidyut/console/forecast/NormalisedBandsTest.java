package ai.vidyut.console.forecast;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load band's normalised conformal score on heteroscedastic errors of a known distribution: each day is calm
 * (σ = 1 % of the load) or volatile (σ = 3 %), the load level varies from day to day, and the scale features known at
 * the origin carry the day's volatility (as the recent day-over-day change does for real load). Days are forecast in
 * turn, each calibrated on the 84 days before it, as the forecaster does.
 */
class NormalisedBandsTest {

    private static final int H = 24;
    private static final int CAL = 84;
    private static final int TEST_DAYS = 240;

    record Coverage(double calm, double volatile_, double width) {
    }

    private static Coverage run(BandScale.Variant v, long seed) {
        Random rnd = new Random(seed);
        int days = CAL + TEST_DAYS;
        double[][] err = new double[days][H];
        double[][] pred = new double[days][H];
        double[][] feat = new double[days][BandScale.FEATURES];
        boolean[] vol = new boolean[days];
        for (int d = 0; d < days; d++) {
            vol[d] = rnd.nextDouble() < 0.3;
            double sigma = vol[d] ? 0.03 : 0.01;
            double level = 1000 * (0.8 + 0.5 * rnd.nextDouble());
            for (int h = 0; h < H; h++) {
                pred[d][h] = level * (1 + 0.3 * Math.sin(2 * Math.PI * h / H));
                err[d][h] = pred[d][h] * sigma * rnd.nextGaussian();
            }
            feat[d][BandScale.VOL14] = 30 * Math.exp(0.2 * rnd.nextGaussian());
            feat[d][BandScale.VOL2] = 1000 * sigma * Math.exp(0.05 * rnd.nextGaussian());
            feat[d][BandScale.CHANGE] = 50 * Math.exp(0.5 * rnd.nextGaussian());
            feat[d][BandScale.LEVEL] = level;
        }
        int[] inside = new int[2];
        int[] points = new int[2];
        double width = 0;
        for (int t = CAL; t < days; t++) {
            double[][] e = new double[CAL][];
            double[][] p = new double[CAL][];
            double[][] f = new double[CAL][];
            double[] w = new double[CAL];
            for (int k = 0; k < CAL; k++) {
                e[k] = err[t - CAL + k];
                p[k] = pred[t - CAL + k];
                f[k] = feat[t - CAL + k];
                w[k] = Math.pow(Forecaster.DECAY_PER_ORIGIN, CAL - 1 - k);
            }
            Forecaster.Calibration cal = new Forecaster.Calibration(e, new int[CAL], w, 0, p, f, feat[t]);
            BandScale.Band b = BandScale.band(v, cal, pred[t]);
            int r = vol[t] ? 1 : 0;
            for (int h = 0; h < H; h++) {
                double actual = pred[t][h] + err[t][h];
                if (actual >= b.lower()[h] && actual <= b.upper()[h]) {
                    inside[r]++;
                }
                points[r]++;
                width += b.upper()[h] - b.lower()[h];
            }
        }
        return new Coverage(100.0 * inside[0] / points[0], 100.0 * inside[1] / points[1], width / (TEST_DAYS * H));
    }

    @Test
    void normalisedScoreCoversAbout95PercentInCalmAndVolatileDaysWherePlainSplitConformalDoesNot() {
        Coverage plain = run(BandScale.PLAIN, 11);
        Coverage scaled = run(BandScale.DEFAULT, 11);
        System.out.println("plain split-conformal: " + plain + "; normalised: " + scaled);
        // one band for all days is far too wide on calm days and too narrow on volatile ones
        assertThat(plain.calm()).isGreaterThan(99.0);
        assertThat(plain.volatile_()).isLessThan(88.0);
        assertThat(scaled.calm()).isBetween(92.5, 97.5);
        assertThat(scaled.volatile_()).isBetween(92.5, 97.5);
        // and it is narrower on average, not just wider where needed
        assertThat(scaled.width()).isLessThan(plain.width());
    }

    @Test
    void aSeriesThatCrossesZeroKeepsAbsoluteErrorsAndAFullBandAtItsCrossings() {
        Random rnd = new Random(5);
        int days = CAL + 60;
        double[][] err = new double[days][H];
        double[][] pred = new double[days][H];
        double[][] feat = new double[days][BandScale.FEATURES];
        for (int d = 0; d < days; d++) {
            for (int h = 0; h < H; h++) {
                pred[d][h] = 100 * Math.sin(2 * Math.PI * h / H); // battery power: charging by day, discharging at night
                err[d][h] = 10 * rnd.nextGaussian();
            }
            for (int f = 0; f < BandScale.FEATURES; f++) {
                feat[d][f] = 20 * Math.exp(0.1 * rnd.nextGaussian());
            }
        }
        int inside = 0;
        int n = 0;
        double minWidth = Double.POSITIVE_INFINITY;
        for (int t = CAL; t < days; t++) {
            double[] w = new double[CAL];
            java.util.Arrays.fill(w, 1);
            Forecaster.Calibration cal = new Forecaster.Calibration(
                    java.util.Arrays.copyOfRange(err, t - CAL, t), new int[CAL], w, 0,
                    java.util.Arrays.copyOfRange(pred, t - CAL, t), java.util.Arrays.copyOfRange(feat, t - CAL, t),
                    feat[t]);
            BandScale.Band b = BandScale.band(BandScale.DEFAULT, cal, pred[t]);
            for (int h = 0; h < H; h++) {
                double actual = pred[t][h] + err[t][h];
                inside += actual >= b.lower()[h] && actual <= b.upper()[h] ? 1 : 0;
                n++;
                minWidth = Math.min(minWidth, b.upper()[h] - b.lower()[h]);
            }
        }
        assertThat(100.0 * inside / n).isBetween(92.0, 98.0);
        // the ideal band is 2 × 1.96 × 10 wide everywhere, also where the forecast is zero
        assertThat(minWidth).isGreaterThan(25.0);
    }

    @Test
    void scaleModelLearnsWhichFeatureCarriesTheVolatility() {
        Random rnd = new Random(3);
        int m = 200;
        double[][] x = new double[m][2];
        double[] y = new double[m];
        for (int k = 0; k < m; k++) {
            x[k][0] = rnd.nextGaussian();
            x[k][1] = rnd.nextGaussian();
            y[k] = 0.8 * x[k][0] + 0.1 * rnd.nextGaussian();
        }
        double[] beta = BandScale.ridge(x, y, 0.0);
        assertThat(beta[0]).isCloseTo(0.8, org.assertj.core.data.Offset.offset(0.05));
        assertThat(beta[1]).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.05));
    }
}
