package ai.vidyut.console.maintain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The condition statistics on signals whose values are known in closed form. */
class ConditionFeaturesTest {

    @Test
    void aSineHasCrestFactorRootTwoAndNoSkewOrExcessKurtosisOfANormal() {
        double[] sine = new double[10_000];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = 3 * Math.sin(2 * Math.PI * i / 100.0);
        }
        assertThat(ConditionFeatures.crestFactor(sine)).isCloseTo(Math.sqrt(2), within(0.01));
        assertThat(ConditionFeatures.rms(sine)).isCloseTo(3 / Math.sqrt(2), within(0.01));
        assertThat(ConditionFeatures.peak(sine)).isCloseTo(3, within(1e-6));
        assertThat(ConditionFeatures.skewness(sine)).isCloseTo(0, within(0.01));
        // a sine's excess kurtosis is -1.5 (arcsine distribution)
        assertThat(ConditionFeatures.kurtosis(sine)).isCloseTo(-1.5, within(0.01));
    }

    @Test
    void aNormalSampleHasZeroExcessKurtosisAndSkewness() {
        Random rnd = new Random(11);
        double[] x = new double[200_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 5 + 2 * rnd.nextGaussian();
        }
        assertThat(ConditionFeatures.kurtosis(x)).isCloseTo(0, within(0.05));
        assertThat(ConditionFeatures.skewness(x)).isCloseTo(0, within(0.03));
        assertThat(ConditionFeatures.mean(x)).isCloseTo(5, within(0.02));
        assertThat(ConditionFeatures.std(x)).isCloseTo(2, within(0.02));
    }

    @Test
    void skewnessOfAKnownSampleAndOfAnExponential() {
        // {0, 0, 0, 3}: mean 0.75, m2 = 1.6875, m3 = 2.53125 → skewness 2.53125 / 1.6875^1.5 = 1.1547
        assertThat(ConditionFeatures.skewness(new double[] {0, 0, 0, 3})).isCloseTo(2 / Math.sqrt(3), within(1e-9));
        assertThat(ConditionFeatures.skewness(new double[] {0, 3, 3, 3})).isCloseTo(-2 / Math.sqrt(3), within(1e-9));
        Random rnd = new Random(5);
        double[] e = new double[200_000];
        for (int i = 0; i < e.length; i++) {
            e[i] = -Math.log(1 - rnd.nextDouble());
        }
        assertThat(ConditionFeatures.skewness(e)).isCloseTo(2, within(0.1));   // exponential: skewness 2
        assertThat(ConditionFeatures.kurtosis(e)).isCloseTo(6, within(0.6));   // excess kurtosis 6
    }

    @Test
    void nanSamplesAreIgnoredAndAFlatSignalHasNoShape() {
        assertThat(ConditionFeatures.mean(new double[] {1, Double.NaN, 3})).isEqualTo(2);
        assertThat(ConditionFeatures.kurtosis(new double[] {4, 4, 4, 4})).isZero();
        assertThat(ConditionFeatures.skewness(new double[] {4, 4, 4, 4})).isZero();
        assertThat(ConditionFeatures.crestFactor(new double[] {0, 0})).isNaN();
    }

    @Test
    void aStraightLineIsFittedExactly() {
        double[] t = {0, 1, 2, 3, 4};
        double[] y = {1, 3, 5, 7, 9};
        ConditionFeatures.Line line = ConditionFeatures.fit(t, y);
        assertThat(line.slope()).isCloseTo(2, within(1e-12));
        assertThat(line.intercept()).isCloseTo(1, within(1e-12));
        assertThat(line.r2()).isCloseTo(1, within(1e-12));
        assertThat(line.slopeStdError()).isCloseTo(0, within(1e-9));
    }

    @Test
    void runningClockReadsRunningHoursPerDayFromTheLoad() {
        long step = 15 * 60_000L;
        int n = 4 * 96; // four days
        long[] ts = new long[n];
        double[] power = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = i * step;
            double hour = (i % 96) / 4.0;
            power[i] = hour >= 8 && hour < 14 ? 40 : 0.5; // 6 h a day above idle
        }
        RunningClock clock = RunningClock.of("power_kw", ts, power);
        assertThat(clock.hoursPerDay()).isCloseTo(6, within(0.2));
        assertThat(clock.runningHoursAt(ts[96])).isCloseTo(6, within(0.01)); // after the first full day
        assertThat(clock.isRunning(9 * 3_600_000L)).isTrue();
        assertThat(clock.isRunning(20 * 3_600_000L)).isFalse();
        assertThat(RunningClock.of("power_kw", ts, new double[n])).as("never running").isNull();
    }

    @Test
    void usageRateFromTheSpanOfAHistory() {
        Instant a = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(RemainingLife.usageRate(100, 130, a, a.plusSeconds(10 * 86_400))).isCloseTo(3, within(1e-9));
        assertThatThrownBy(() -> RemainingLife.usageRate(5, 5, a, a.plusSeconds(86_400)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
