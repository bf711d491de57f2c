package ai.vidyut.console.detect;

import ai.vidyut.console.detect.eval.LabelledRun;
import ai.vidyut.console.detect.eval.SyntheticFaults;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DetectorsTest {

    private static DetectorParams only(String... detectors) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String d : detectors) {
            w.put(d, 1.0);
        }
        return DetectorParams.builtIn().withWeights(w, "mean");
    }

    @Test
    void isolationForestAndSvmAreDeterministicForASeedAndScoreAStepHigherThanNormal() {
        LabelledRun run = SyntheticFaults.run(AnomalyType.LEVEL_SHIFT, 5, 3);
        for (String d : new String[]{DetectorParams.IFOREST, DetectorParams.OCSVM}) {
            DetectorParams p = only(d);
            double[] a = SeriesDetector.scoreAll(p, run.table());
            double[] b = SeriesDetector.scoreAll(p, run.table());
            assertThat(a).as(d + " same seed").containsExactly(b);
            assertThat(mean(a, run.labels(), true, run.scoreFrom()))
                    .as(d + " scores inside the fault vs outside")
                    .isGreaterThan(mean(a, run.labels(), false, run.scoreFrom()));
        }
        double[] s1 = SeriesDetector.scoreAll(only(DetectorParams.IFOREST), run.table());
        double[] s2 = SeriesDetector.scoreAll(only(DetectorParams.IFOREST).withSeed(7), run.table());
        assertThat(s1).as("another seed grows another forest").isNotEqualTo(s2);
    }

    private static double mean(double[] s, boolean[] labels, boolean inside, int from) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < s.length; i++) {
            if (labels[i] == inside) {
                sum += s[i];
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void scoresAreInUnitIntervalAndZeroWhileLearning() {
        LabelledRun run = SyntheticFaults.run(AnomalyType.SPIKE, 3, 2);
        DetectorParams all = ai.vidyut.console.detect.eval.Benchmark.allOn(DetectorParams.builtIn());
        double[][] parts = SeriesDetector.partsAll(all, run.table());
        for (double[] detector : parts) {
            for (double v : detector) {
                assertThat(v).isBetween(0.0, 1.0);
            }
        }
        // trained detectors score 0 until they have a day of minute data
        assertThat(parts[2][100]).isZero();
        assertThat(parts[1][100]).isZero();
    }

    @Test
    void mahalanobisSeesABrokenCorrelationThatNoSingleChannelShows() {
        java.util.Random r = new java.util.Random(3);
        int n = 2000;
        long[] ts = new long[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = i * 1000L;
            double common = r.nextGaussian();
            a[i] = common + 0.1 * r.nextGaussian();
            b[i] = i >= 1500 && i < 1600 ? -common + 0.1 * r.nextGaussian() : common + 0.1 * r.nextGaussian();
        }
        SeriesTable t = SeriesTable.of(ts, List.of("flow", "current"), a, b);
        double[] lightShrinkage = SeriesDetector.scoreAll(only(DetectorParams.MAHALANOBIS).withMahalanobis(20, 0.1), t);
        assertThat(mean(lightShrinkage, 1500, 1600)).isGreaterThan(mean(lightShrinkage, 400, 1400) + 0.3);
        double[] shipped = SeriesDetector.scoreAll(DetectorParams.shippedDefault()
                .withWeights(Map.of(DetectorParams.MAHALANOBIS, 1.0), "mean"), t);
        assertThat(mean(shipped, 1500, 1600)).isGreaterThan(3 * mean(shipped, 400, 1400));
        double[] univariate = SeriesDetector.scoreAll(only(DetectorParams.SURPRISE), t);
        assertThat(mean(univariate, 1500, 1600)).as("neither channel alone changed")
                .isLessThan(mean(shipped, 1500, 1600));
    }

    private static double mean(double[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += s[i];
        }
        return sum / (to - from);
    }

    @Test
    void timestampsInEveryAcceptedForm() {
        long expected = 1_767_225_600_000L;
        assertThat(Timestamps.parse("2026-01-01T00:00:00Z")).isEqualTo(expected);
        assertThat(Timestamps.parse("2026-01-01 00:00:00")).isEqualTo(expected);
        assertThat(Timestamps.parse("2026-01-01T00:00")).isEqualTo(expected);
        assertThat(Timestamps.parse("2026-01-01T05:30:00+05:30")).isEqualTo(expected);
        assertThat(Timestamps.parse("2026-01-01 00:00:00.000Z")).isEqualTo(expected);
        assertThat(Timestamps.parse(Long.toString(expected))).isEqualTo(expected);
        assertThat(Timestamps.parse("2026-01-01T00:00:00.5+00:00")).isEqualTo(expected + 500);
        assertThat(Timestamps.parse("2025-12-31T19:00:00-05:00")).isEqualTo(expected);
        assertThat(Timestamps.parse("2026-01-01 00:00:00.123")).isEqualTo(expected + 123);
        assertThat(Timestamps.parse("2024-02-29T12:00:00Z"))
                .isEqualTo(java.time.Instant.parse("2024-02-29T12:00:00Z").toEpochMilli());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Timestamps.parse("2026-02-30T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Timestamps.parse("2026-01-01T25:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Timestamps.dayOfWeek(expected)).isEqualTo(3); // Thursday
        assertThat(Timestamps.hourOfDay(expected + 3_600_000L * 13)).isEqualTo(13);
    }
}
