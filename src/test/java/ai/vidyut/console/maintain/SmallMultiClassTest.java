package ai.vidyut.console.maintain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A few labelled assets of three health states: what a site's own first labelling round looks like. */
class SmallMultiClassTest {

    static Table threeStates(int perClass, long seed) {
        Random rnd = new Random(seed);
        String[] states = {"healthy", "degrading", "bearing_fault"};
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < perClass * states.length; i++) {
            int s = i % states.length;
            double vib = 2 + 1.5 * s + 0.3 * rnd.nextGaussian();
            double temp = 45 + 4 * s + 1.5 * rnd.nextGaussian();
            double kurt = 0.2 * rnd.nextGaussian() + (s == 2 ? 3 : 0);
            rows.add(new String[] {String.format(Locale.ROOT, "%.3f", vib), String.format(Locale.ROOT, "%.3f", temp),
                    String.format(Locale.ROOT, "%.3f", kurt), states[s]});
        }
        return Table.of(List.of("vib", "temp", "kurtosis", "state"), rows);
    }

    @Test
    void theDefaultLearnerChoiceTrainsOnAHandfulOfRowsOfThreeClasses() {
        for (long seed = 1; seed <= 5; seed++) {
            Table t = threeStates(8, seed);
            HealthClassifier model = HealthClassifier.train(t, "state", List.of(), HealthClassifier.Options.defaults());
            assertThat(model.metrics().get("classes")).isEqualTo(3.0);
            assertThat(model.metrics().get("cv_accuracy")).as("seed " + seed).isGreaterThan(0.8);
        }
    }

    @Test
    void anExplicitForestOnTooFewRowsSaysWhy() {
        HealthClassifier.Options forest = new HealthClassifier.Options(HealthClassifier.Learner.RANDOM_FOREST, 100,
                false, 0, false, 1);
        boolean failedClearly = false;
        for (long seed = 1; seed <= 5 && !failedClearly; seed++) {
            try {
                HealthClassifier.train(threeStates(4, seed), "state", List.of(), forest);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).startsWith("too few rows for a random forest").contains("gradient boosting");
                failedClearly = true;
            }
        }
        // either it trains, or it fails with the reason; never Smile's internal message
    }
}
