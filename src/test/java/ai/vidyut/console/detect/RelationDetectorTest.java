package ai.vidyut.console.detect;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The relation detector flags a channel that stops following the others, not channels that move together. */
class RelationDetectorTest {

    private static final DetectorParams PARAMS = DetectorParams.shippedDefault().withTrainSize(300);

    private static double maxScore(RelationDetector d, Random random, int from, int to, double speedFactor,
                                   double powerFactor) {
        double max = 0;
        for (int i = from; i < to; i++) {
            double speed = (1000 + 300 * Math.sin(i / 25.0)) * speedFactor + random.nextGaussian() * 3;
            double power = 0.02 * speed * powerFactor + random.nextGaussian() * 0.1;
            max = Math.max(max, d.update(i * 1000L, new double[]{speed, power}));
        }
        return max;
    }

    @Test
    void aBrokenRelationScoresHighAndPointsAtTheChannelThatLeftIt() {
        RelationDetector d = new RelationDetector(PARAMS, 2);
        Random random = new Random(5);
        assertThat(maxScore(d, random, 0, 300, 1, 1)).isZero(); // learning
        assertThat(d.trained()).isTrue();
        double normal = maxScore(d, random, 300, 600, 1, 1);
        // both channels 30 % higher together: unusual levels, same relation
        double together = maxScore(d, random, 600, 700, 1.3, 1);
        // power 20 % low at the same speed
        double broken = maxScore(d, random, 700, 760, 1, 0.8);
        assertThat(normal).isLessThan(PARAMS.threshold());
        assertThat(together).isLessThan(PARAMS.threshold());
        assertThat(broken).isGreaterThan(PARAMS.threshold()).isGreaterThan(together + 0.1);
        assertThat(d.topChannel()).isEqualTo(1);
        double speedNow = 1000 + 300 * Math.sin(759 / 25.0);
        assertThat(d.expected(1)).isCloseTo(0.02 * speedNow, within(2.0));
    }

    @Test
    void needsTwoChannels() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RelationDetector(PARAMS, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
