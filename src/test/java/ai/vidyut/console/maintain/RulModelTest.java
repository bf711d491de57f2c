package ai.vidyut.console.maintain;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulModelTest {

    static RulModel model;
    static final RulModel.Options FAST = new RulModel.Options(125, 80, 40, 16, 0.08, 0.7, 0.1, 0.9, true, 2);

    @BeforeAll
    static void train() {
        model = RulModel.train(RunToFailureData.table(RunToFailureData.fleet(20, 1)), "unit", "cycle", FAST);
    }

    @Test
    void constantColumnsAreDroppedAndDegradingOnesKept() {
        assertThat(model.signals()).contains("temp", "vib", "pressure").doesNotContain("constant", "unit", "cycle");
    }

    @Test
    void remainingLifeFallsAsTheAssetDegradesAndTheFailureDateMovesCloser() {
        Random rnd = new Random(99);
        int life = 200;
        List<double[]> rows = RunToFailureData.unit(1, life, life - 5, rnd);
        double[] t = rows.stream().mapToDouble(r -> r[1]).toArray();
        int[] cols = model.signals().stream().mapToInt(RunToFailureData.COLUMNS::indexOf).toArray();
        double[][] s = new double[rows.size()][cols.length];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.length; j++) {
                s[i][j] = rows.get(i)[cols[j]];
            }
        }
        List<RemainingLife> steps = model.predictSteps(t, s);
        // the asset runs 4 cycles a day, observed once a day
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        double usagePerDay = 4;
        List<Double> rul = new ArrayList<>();
        List<Instant> failure = new ArrayList<>();
        for (int cycle : new int[] {100, 130, 160, 190}) {
            RemainingLife life1 = steps.get(cycle - 1);
            assertThat(life1.lower()).isLessThanOrEqualTo(life1.rul());
            assertThat(life1.upper()).isGreaterThanOrEqualTo(life1.rul());
            rul.add(life1.rul());
            Instant now = start.plusSeconds((long) (cycle / usagePerDay * 86_400));
            failure.add(life1.schedule(now, usagePerDay, 1).predictedFailure());
        }
        for (int i = 1; i < rul.size(); i++) {
            assertThat(rul.get(i)).as("RUL at check %d", i).isLessThan(rul.get(i - 1));
        }
        // late in life the estimate is close to the truth (10 cycles left at cycle 190)
        assertThat(rul.get(rul.size() - 1)).isBetween(0.0, 30.0);
        // the predicted failure date stays on the true failure (cycle 200 = day 50) while the remaining life falls;
        // the estimates from cycle 100 on are all within a day or so, so "later is closer" would compare noise
        // (Smile's boosting draws its subsamples from a JVM-wide generator, so the last digits depend on test order)
        Instant trueFailure = start.plusSeconds((long) (life / usagePerDay * 86_400));
        for (int i = 0; i < failure.size(); i++) {
            long error = Math.abs(failure.get(i).getEpochSecond() - trueFailure.getEpochSecond());
            assertThat(error).as("failure-date error at check %d, seconds", i).isLessThan(3 * 86_400L);
        }
        assertThat(failure.get(3)).isBefore(start.plusSeconds(60L * 86_400));
        // days until maintenance shrink to zero near the end
        assertThat(steps.get(194).schedule(start, usagePerDay, 1).daysUntilMaintenance())
                .isLessThan(steps.get(99).schedule(start, usagePerDay, 1).daysUntilMaintenance());
    }

    @Test
    void predictsOneEstimatePerUnitAtItsLastObservation(@TempDir Path dir) throws Exception {
        Random rnd = new Random(5);
        List<double[]> rows = new ArrayList<>();
        rows.addAll(RunToFailureData.unit(7, 180, 60, rnd));
        rows.addAll(RunToFailureData.unit(8, 180, 170, rnd));
        Path file = dir.resolve("m.rul");
        model.save(file);
        RulModel loaded = RulModel.load(file);
        List<RulModel.UnitEstimate> est = loaded.predictLast(RunToFailureData.table(rows));
        assertThat(est).extracting(RulModel.UnitEstimate::unit).containsExactly("7", "8");
        assertThat(est.get(0).time()).isEqualTo(60);
        assertThat(est.get(0).rul()).isGreaterThan(est.get(1).rul());
        assertThat(est.get(1).rul()).isLessThan(40);
    }

    @Test
    void refusesAModelFileOfAnotherKind(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.health");
        ModelFiles.write(file, HealthClassifier.KIND, HealthClassifier.FORMAT, "not a model");
        assertThatThrownBy(() -> RulModel.load(file)).hasMessageContaining("not a " + RulModel.KIND);
    }

    @Test
    void explainsWhyItCannotTrain() {
        Table one = RunToFailureData.table(RunToFailureData.unit(1, 50, 50, new Random(1)));
        assertThatThrownBy(() -> RulModel.train(one, "unit", "cycle", FAST)).hasMessageContaining("at least 2 units");
    }
}
