package ai.vidyut.console.maintain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankCodingTest {

    @Test
    void codesTrainingValuesByRankAndInterpolatesUnseenOnes() {
        RankCoding coding = RankCoding.fit(new double[][] {{3.0, 10}, {1.0, 10}, {3.0, 20}, {7.0, 10}});
        assertThat(coding.code(new double[] {1.0, 10})).containsExactly(0, 0);
        assertThat(coding.code(new double[] {3.0, 20})).containsExactly(1, 1);
        assertThat(coding.code(new double[] {7.0, 15})[0]).isEqualTo(2);
        // half-way between two training values is half-way between their ranks: a midpoint split stays a midpoint
        assertThat(coding.code(new double[] {5.0, 15})).containsExactly(1.5, 0.5);
        assertThat(coding.code(new double[] {4.0, 10})[0]).isCloseTo(1.25, within(1e-12));
        assertThat(coding.code(new double[] {-5.0, 99})).containsExactly(-1, 2);
    }

    @Test
    void keepsValuesApartThatDifferOnlyInTheLastBits() {
        double below = 309.4 - 300.8;
        double above = 309.5 - 300.9;
        assertThat(below).isLessThan(above);
        assertThat(above - below).isLessThan(1e-7);
        RankCoding coding = RankCoding.fit(new double[][] {{below}, {above}});
        assertThat(coding.code(new double[] {below})[0]).isEqualTo(0);
        assertThat(coding.code(new double[] {above})[0]).isEqualTo(1);
    }

    /** The label changes between values 1e-9 apart: closer than Smile's 1e-7 split tolerance. */
    static Table tinyScaleLabelled(int n) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double strain = 1e-9 * ((i * 37) % n); // every value once, shuffled
            rows.add(new String[] {String.format(Locale.ROOT, "%.12e", strain), strain >= 1e-9 * n / 2 ? "1" : "0"});
        }
        return Table.of(List.of("strain", "failure"), rows);
    }

    @Test
    void exactSplitsLearnABoundaryBetweenValuesCloserThanSmilesTolerance(@TempDir Path dir) throws Exception {
        HealthClassifier.Options forest = new HealthClassifier.Options(HealthClassifier.Learner.RANDOM_FOREST, 30, false,
                0, false, 1);
        Table train = tinyScaleLabelled(200);
        HealthClassifier exact = HealthClassifier.train(train, "failure", List.of(), forest);
        HealthClassifier smileSplits = HealthClassifier.train(train, "failure", List.of(),
                forest.withExactSplits(false));
        assertThat(exact.exactSplits()).isTrue();
        assertThat(exact.metrics()).containsEntry("exact_splits", 1.0);
        assertThat(smileSplits.exactSplits()).isFalse();

        Path file = dir.resolve("exact.health");
        exact.save(file);
        HealthClassifier loaded = HealthClassifier.load(file);
        Table test = Table.of(List.of("strain"), List.of(new String[] {"2.0e-8"}, new String[] {"9.93e-8"},
                new String[] {"1.007e-7"}, new String[] {"1.9e-7"}));
        assertThat(loaded.predict(test).stream().map(HealthClassifier.Prediction::label))
                .containsExactly("0", "0", "1", "1");
        assertThat(loaded.predict(Map.of("strain", 1.5e-7)).label()).isEqualTo("1");
        // without rank coding every candidate split is skipped and the forest predicts one class for all rows
        assertThat(smileSplits.predict(test).stream().map(HealthClassifier.Prediction::label).distinct()).hasSize(1);
    }
}
