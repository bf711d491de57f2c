package ai.vidyut.console.maintain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthClassifierTest {

    /** Two sensors; faulty rows run hot and shake; the label depends on both. */
    static Table labelled(int n, long seed) {
        Random rnd = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean faulty = i % 3 == 0;
            double temp = 50 + 5 * rnd.nextGaussian() + (faulty ? 12 : 0);
            double vib = 2 + 0.4 * rnd.nextGaussian() + (faulty ? 1.5 : 0);
            String type = rnd.nextBoolean() ? "L" : "H";
            rows.add(new String[] {Integer.toString(i), String.format(Locale.ROOT, "%.3f", temp),
                    String.format(Locale.ROOT, "%.3f", vib), type, faulty ? "1" : "0"});
        }
        return Table.of(List.of("id", "temp", "vib", "type", "failure"), rows);
    }

    /** The label is "a exceeds b": one split on the difference a − b, a staircase on the raw columns. */
    static Table differenceLabelled(int n, long seed) {
        Random rnd = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 100 * rnd.nextDouble();
            double b = 100 * rnd.nextDouble();
            rows.add(new String[] {String.format(Locale.ROOT, "%.3f", a), String.format(Locale.ROOT, "%.3f", b),
                    a > b ? "1" : "0"});
        }
        return Table.of(List.of("a", "b", "failure"), rows);
    }

    @Test
    void innerCrossValidationDecidesWhetherPairwiseTermsAreUsed() {
        HealthClassifier.Options auto = new HealthClassifier.Options(HealthClassifier.Learner.RANDOM_FOREST, 40, true, 3,
                true, 1);
        HealthClassifier withPairs = HealthClassifier.train(differenceLabelled(240, 3), "failure", List.of(), auto);
        assertThat(withPairs.interactions()).isTrue();
        assertThat(withPairs.metrics()).containsEntry("interactions", 1.0);
        assertThat(withPairs.metrics().get("cv_accuracy")).isGreaterThan(0.95);

        HealthClassifier.Options never = new HealthClassifier.Options(HealthClassifier.Learner.RANDOM_FOREST, 40, false,
                3, true, 1);
        HealthClassifier raw = HealthClassifier.train(differenceLabelled(240, 3), "failure", List.of(), never);
        assertThat(raw.interactions()).isFalse();
        assertThat(raw.metrics()).containsEntry("interactions", 0.0);
        assertThat(raw.metrics().get("cv_accuracy")).isLessThan(withPairs.metrics().get("cv_accuracy"));
    }

    @Test
    void separatesHealthyFromFaultyRowsWithCalibratedPositiveProbability(@TempDir Path dir) throws Exception {
        HealthClassifier.Options fast = new HealthClassifier.Options(HealthClassifier.Learner.AUTO, 60, true, 3, true, 1);
        HealthClassifier m = HealthClassifier.train(labelled(300, 1), "failure", List.of("id"), fast);
        assertThat(m.positiveClass()).isEqualTo("1");
        assertThat(m.metrics()).containsKeys("cv_f1", "cv_pr_auc", "cv_accuracy");
        assertThat(m.inputColumns()).containsExactly("temp", "vib", "type");
        Path file = dir.resolve("m.health");
        m.save(file);
        HealthClassifier loaded = HealthClassifier.load(file);
        Table test = labelled(150, 2);
        List<HealthClassifier.Prediction> p = loaded.predict(test);
        String[] truth = test.text("failure");
        int correct = 0;
        double posFaulty = 0;
        double posHealthy = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.get(i).label().equals(truth[i])) {
                correct++;
            }
            if (truth[i].equals("1")) {
                posFaulty += p.get(i).positiveProbability();
            } else {
                posHealthy += p.get(i).positiveProbability();
            }
        }
        assertThat(correct / 150.0).isGreaterThan(0.9);
        assertThat(posFaulty / 50).isGreaterThan(0.6);
        assertThat(posHealthy / 100).isLessThan(0.3);
    }

    @Test
    void liveConditionModelSeparatesHealthyFromFaultyAssets() {
        HealthClassifier model = TestModels.live();
        assertThat(model.classes()).containsExactlyInAnyOrderElementsOf(HealthStates.ALL);
        Random rnd = new Random(12345);
        int healthyRight = 0;
        int faultyFlagged = 0;
        int faultNamed = 0;
        int n = 40;
        for (int i = 0; i < n; i++) {
            Map<String, Double> healthy = ConditionScenarios.features(ConditionScenarios.generate(HealthStates.HEALTHY, rnd));
            if (model.predict(healthy).label().equals(HealthStates.HEALTHY)) {
                healthyRight++;
            }
            String fault = i % 2 == 0 ? HealthStates.OVERHEATING : HealthStates.VIBRATION_FAULT;
            HealthClassifier.Prediction p = model.predict(ConditionScenarios.features(ConditionScenarios.generate(fault, rnd)));
            if (!p.label().equals(HealthStates.HEALTHY)) {
                faultyFlagged++;
            }
            if (p.label().equals(fault)) {
                faultNamed++;
            }
        }
        assertThat(healthyRight).as("healthy assets rated healthy").isGreaterThanOrEqualTo((int) (0.85 * n));
        assertThat(faultyFlagged).as("faulty assets flagged").isGreaterThanOrEqualTo((int) (0.95 * n));
        assertThat(faultNamed).as("fault class named").isGreaterThanOrEqualTo((int) (0.85 * n));
    }

    @Test
    void multiClassLabelsPredictTheClassAndItsProbability() {
        Random rnd = new Random(3);
        List<String[]> rows = new ArrayList<>();
        String[] classes = {"normal", "inner_race", "outer_race"};
        for (int i = 0; i < 240; i++) {
            int c = i % 3;
            rows.add(new String[] {String.format(Locale.ROOT, "%.3f", c * 2 + rnd.nextGaussian() * 0.5),
                    String.format(Locale.ROOT, "%.3f", (c == 2 ? 3 : 0) + rnd.nextGaussian() * 0.5), classes[c]});
        }
        Table t = Table.of(List.of("rms", "kurtosis", "fault"), rows);
        HealthClassifier m = HealthClassifier.train(t, "fault", List.of(),
                new HealthClassifier.Options(HealthClassifier.Learner.RANDOM_FOREST, 50, false, 0, false, 1));
        assertThat(m.positiveClass()).isNull();
        List<HealthClassifier.Prediction> p = m.predict(t);
        long right = 0;
        for (int i = 0; i < p.size(); i++) {
            assertThat(p.get(i).probability()).isBetween(0.0, 1.0);
            if (p.get(i).label().equals(rows.get(i)[2])) {
                right++;
            }
        }
        assertThat(right).isGreaterThan(200);
    }

    @Test
    void explainsWhyItCannotTrain() {
        Table single = Table.of(List.of("x", "y"), List.of(new String[] {"1", "a"}, new String[] {"2", "a"}));
        assertThatThrownBy(() -> HealthClassifier.train(single, "y", List.of(), HealthClassifier.Options.defaults()))
                .hasMessageContaining("single class");
        assertThatThrownBy(() -> HealthClassifier.train(single, "nope", List.of(), HealthClassifier.Options.defaults()))
                .hasMessageContaining("no column 'nope'");
    }
}
