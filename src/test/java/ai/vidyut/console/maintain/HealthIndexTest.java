package ai.vidyut.console.maintain;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HealthIndexTest {

    /** Units whose life is 100 − 20·s0 + 10·s1 plus noise; s2 is noise only. */
    private static void linearFleet(Random rnd, List<double[][]> steps, List<double[]> life) {
        for (int u = 0; u < 10; u++) {
            double[][] z = new double[60][3];
            double[] y = new double[60];
            for (int i = 0; i < 60; i++) {
                z[i] = new double[] {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
                y[i] = 100 - 20 * z[i][0] + 10 * z[i][1] + 0.5 * rnd.nextGaussian();
            }
            steps.add(z);
            life.add(y);
        }
    }

    @Test
    void poolsTheSignalsIntoTheRemainingLife() {
        List<double[][]> steps = new ArrayList<>();
        List<double[]> life = new ArrayList<>();
        linearFleet(new Random(3), steps, life);
        HealthIndex index = HealthIndex.fit(steps, life);
        assertThat(index.signals()).isEqualTo(3);
        double[] fitted = index.series(new double[][] {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        assertThat(fitted[0]).isCloseTo(100, within(0.5));
        assertThat(fitted[1] - fitted[0]).isCloseTo(-20, within(0.5));
        assertThat(fitted[2] - fitted[0]).isCloseTo(10, within(0.5));
        assertThat(fitted[3] - fitted[0]).as("a pure-noise signal gets next to no weight").isCloseTo(0, within(0.5));
    }

    @Test
    void rulFeaturesAppendTheWindowedIndexAndStayCausal() {
        Random rnd = new Random(11);
        int n = 50;
        double[] t = new double[n];
        double[][] raw = new double[n][2];
        for (int i = 0; i < n; i++) {
            t[i] = i + 1;
            raw[i] = new double[] {10 + 0.1 * i + rnd.nextGaussian(), 5 - 0.05 * i + rnd.nextGaussian()};
        }
        double[] mean = {12, 4};
        double[] sd = {2, 1};
        HealthIndex index = new HealthIndex(new double[] {-3, 2}, 50);
        double[][] withIndex = RulModel.features(t, raw, mean, sd, index);
        double[][] without = RulModel.features(t, raw, mean, sd, null);
        int base = RulModel.PER_SIGNAL * 2 + 1;
        assertThat(without[0]).hasSize(base);
        assertThat(withIndex[0]).hasSize(base + RulModel.HEALTH_FEATURES);
        assertThat(Arrays.copyOf(withIndex[n - 1], base)).containsExactly(without[n - 1]);

        double[] health = index.series(RulModel.zScores(raw, mean, sd));
        double[] last = withIndex[n - 1];
        assertThat(last[base]).as("mean of the last 5 steps")
                .isCloseTo(Arrays.stream(health, n - 5, n).average().orElseThrow(), within(1e-9));
        assertThat(last[base + 1]).as("mean of the last 15 steps")
                .isCloseTo(Arrays.stream(health, n - 15, n).average().orElseThrow(), within(1e-9));
        assertThat(last[base + 2]).as("mean of the last 30 steps")
                .isCloseTo(Arrays.stream(health, n - 30, n).average().orElseThrow(), within(1e-9));
        assertThat(last[base + 3]).as("slope over the last 30 steps").isCloseTo(
                ConditionFeatures.slope(Arrays.copyOfRange(t, n - 30, n), Arrays.copyOfRange(health, n - 30, n)),
                within(1e-9));
        assertThat(last[base + 4]).as("slope since the first step falls: the signals degrade")
                .isCloseTo(ConditionFeatures.slope(t, health), within(1e-9)).isNegative();

        // a step's features do not depend on later steps
        double[][] prefix = RulModel.features(Arrays.copyOf(t, 20), Arrays.copyOf(raw, 20), mean, sd, index);
        assertThat(prefix[19]).containsExactly(withIndex[19]);
    }

    /**
     * A model file written by the round-three code (commit b4f660a, before the health index; trained on 8 synthetic
     * units with 30 trees) predicts exactly what that code predicted for the same input.
     */
    @Test
    void modelFilesWrittenBeforeTheHealthIndexPredictAsBefore() throws Exception {
        Path dir = Path.of(HealthIndexTest.class.getResource("/maintain/rul-before-health-index.rul").toURI())
                .getParent();
        RulModel old = RulModel.load(dir.resolve("rul-before-health-index.rul"));
        List<RulModel.UnitEstimate> est = old.predictLast(
                Table.read(dir.resolve("rul-before-health-index-input.csv"), null));
        assertThat(est).extracting(RulModel.UnitEstimate::unit).containsExactly("1", "2");
        assertThat(est.get(0).rul()).isCloseTo(30.39290823854384, within(1e-9));
        assertThat(est.get(0).lower()).isCloseTo(21.961636534213095, within(1e-9));
        assertThat(est.get(0).upper()).isCloseTo(63.435044239029935, within(1e-9));
        assertThat(est.get(1).rul()).isCloseTo(60.018819495577965, within(1e-9));
        assertThat(est.get(1).lower()).isCloseTo(42.66929826236538, within(1e-9));
        assertThat(est.get(1).upper()).isCloseTo(67.32297546043947, within(1e-9));
    }
}
