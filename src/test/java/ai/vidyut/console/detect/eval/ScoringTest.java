package ai.vidyut.console.detect.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScoringTest {

    private static boolean[] labels(int n, int from, int to) {
        boolean[] l = new boolean[n];
        for (int i = from; i < to; i++) {
            l[i] = true;
        }
        return l;
    }

    private static double[] detections(int n, int... at) {
        double[] s = new double[n];
        for (int i : at) {
            s[i] = 1;
        }
        return s;
    }

    @Test
    void nabRewardsEarlyDetectionPenalisesLateMissesAndFalsePositives() {
        boolean[] l = labels(1000, 500, 600);
        // window = [450, 650]
        double early = Scoring.nab(List.of(new Scoring.Scored(detections(1000, 452), l, 0)), 0.5);
        double late = Scoring.nab(List.of(new Scoring.Scored(detections(1000, 640), l, 0)), 0.5);
        double none = Scoring.nab(List.of(new Scoring.Scored(detections(1000), l, 0)), 0.5);
        double earlyPlusFp = Scoring.nab(List.of(new Scoring.Scored(detections(1000, 100, 452), l, 0)), 0.5);
        double fpNearWindow = Scoring.nab(List.of(new Scoring.Scored(detections(1000, 452, 655), l, 0)), 0.5);
        double fpFar = Scoring.nab(List.of(new Scoring.Scored(detections(1000, 452, 990), l, 0)), 0.5);
        assertThat(early).isGreaterThan(95);
        assertThat(late).isLessThan(early).isGreaterThan(none);
        assertThat(none).isCloseTo(0, within(1e-9));
        assertThat(earlyPlusFp).isLessThan(early);
        assertThat(fpNearWindow).as("a false positive right after a window costs less").isGreaterThan(fpFar);
    }

    @Test
    void pointwiseMetricsCountOnlyScoredRows() {
        boolean[] l = labels(10, 2, 6);
        double[] s = {1, 1, 1, 1, 0, 0, 1, 0, 0, 0};
        Scoring.PointMetrics m = Scoring.pointwise(List.of(new Scoring.Scored(s, l, 2)), 0.5);
        assertThat(m.tp()).isEqualTo(2);
        assertThat(m.fp()).isEqualTo(1);
        assertThat(m.fn()).isEqualTo(2);
        assertThat(m.f1()).isCloseTo(2 * (2 / 3.0) * 0.5 / (2 / 3.0 + 0.5), within(1e-9));
    }

    @Test
    void thresholdSweepFindsTheSeparatingThreshold() {
        boolean[] l = labels(100, 40, 60);
        double[] s = new double[100];
        for (int i = 0; i < 100; i++) {
            s[i] = l[i] ? 0.8 : 0.2;
        }
        Scoring.Best best = Scoring.bestF1(List.of(new Scoring.Scored(s, l, 0)));
        assertThat(best.value()).isEqualTo(1.0);
        assertThat(best.threshold()).isGreaterThan(0.2).isLessThanOrEqualTo(0.8);
    }
}
