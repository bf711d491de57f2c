package ai.vidyut.console.maintain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DerivedColumnTest {

    private static Table machines() {
        return Table.of(List.of("Type", "Torque [Nm]", "rpm", "wear"), List.of(
                new String[] {"L", "40", "1500", "100"},
                new String[] {"M", "50", "1400", ""},
                new String[] {"H", "-2", "1600", "10"}));
    }

    private static double[] values(String spec) {
        return DerivedColumn.apply(machines(), List.of(DerivedColumn.parse(spec))).numeric(spec.split("=")[0]);
    }

    @Test
    void evaluatesArithmeticWithPrecedenceQuotedNamesAndFunctions() {
        assertThat(values("power=`Torque [Nm]`*rpm*2*3.14159265/60")[0]).isCloseTo(40 * 1500 * 2 * Math.PI / 60,
                within(1e-3));
        assertThat(values("x=1+2*3^2-(4-1)/3")[0]).isEqualTo(18.0);
        assertThat(values("x=-rpm+2e3")[1]).isEqualTo(600.0);
        assertThat(values("x=max(abs(`Torque [Nm]`), 5)")).containsExactly(40, 50, 5);
        assertThat(values("x=sqrt(rpm/100)")[0]).isCloseTo(Math.sqrt(15), within(1e-12));
        assertThat(values("x=rpm>=1500")).containsExactly(1, 0, 1);
    }

    @Test
    void comparesTextColumnsAndChoosesWithIf() {
        double[] limit = values("limit=if(Type=='L',11000,if(Type==\"M\",12000,13000))");
        assertThat(limit).containsExactly(11000, 12000, 13000);
        assertThat(values("notL=Type!='L'")).containsExactly(0, 1, 1);
    }

    @Test
    void missingInputsAndUndefinedResultsAreMissing() {
        double[] ratio = values("r=wear*`Torque [Nm]`/if(Type=='L',11000,12000)");
        assertThat(ratio[0]).isCloseTo(4000.0 / 11000, within(1e-12));
        assertThat(ratio[1]).isNaN();
        assertThat(values("l=log(`Torque [Nm]`)")[2]).isNaN();
        assertThat(values("d=rpm/(wear-wear)")[0]).isNaN();
    }

    @Test
    void errorsNameTheProblem() {
        assertThatThrownBy(() -> DerivedColumn.parse("no expression"))
                .hasMessageContaining("expected NAME=EXPRESSION");
        assertThatThrownBy(() -> DerivedColumn.parse("x=rpm*(2"))
                .hasMessageContaining("closing brace not found");
        assertThatThrownBy(() -> DerivedColumn.parse("x=foo(rpm)"))
                .hasMessageContaining("unknown function 'foo'");
        assertThatThrownBy(() -> DerivedColumn.parse("x='L'+1"))
                .hasMessageContaining("text literal");
        assertThatThrownBy(() -> DerivedColumn.apply(machines(), List.of(DerivedColumn.parse("x=speed*2"))))
                .hasMessageContaining("uses column 'speed'");
        assertThatThrownBy(() -> DerivedColumn.apply(machines(), List.of(DerivedColumn.parse("rpm=wear*2"))))
                .hasMessageContaining("already exists");
    }

    @Test
    void signsBindLikePowersAndPowersAreRightAssociative() {
        assertThat(values("x=-rpm^2")[0]).isEqualTo(-1500.0 * 1500);
        assertThat(values("x=2^-1*4")[0]).isEqualTo(2.0);
        assertThat(values("x=2^3^2")[0]).isEqualTo(512.0);
        assertThat(values("x=2*-3^2+(rpm<1500)*10")).containsExactly(-18, -8, -18);
    }

    @Test
    void aMissingInputInTheBranchNotTakenDoesNotMatter() {
        assertThat(values("x=if(Type=='M',0,wear)")).containsExactly(100, 0, 10);
        double[] taken = values("x=if(Type=='M',wear,0)");
        assertThat(taken[0]).isZero();
        assertThat(taken[1]).isNaN();
    }

    /** The expression language offers no way to call Java, create objects or touch files; such text is refused. */
    @Test
    void expressionsThatWouldCallJavaOrTheLibrarysOtherFunctionsAreRefused() {
        for (String expression : List.of("java.lang.Runtime.getRuntime().exec('rm -rf /')",
                "new java.io.File('/etc/passwd')", "T(java.lang.System).exit(1)", "rpm.getClass()",
                "''.getClass().forName('java.lang.Runtime')", "STR_MATCHES(Type, '.*')", "DT_NOW()",
                "random()", "rpm[0]", "rpm.x")) {
            assertThatThrownBy(() -> DerivedColumn.apply(machines(), List.of(DerivedColumn.parse("x=" + expression))))
                    .as(expression)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("derived column 'x'");
        }
        assertThatThrownBy(() -> DerivedColumn.parse("x=java.lang.System.exit(1)"))
                .hasMessageContaining("unknown function 'java.lang.System.exit' (known: log, exp, sqrt, abs, min, "
                        + "max, if) at position 1");
    }

    @Test
    void errorPositionsAreThoseOfTheTextAsWritten() {
        assertThatThrownBy(() -> DerivedColumn.parse("x=`Torque [Nm]`*rpm+Type=='L'+1"))
                .hasMessage("derived column 'x': a text literal can only be compared with == or != to a column at "
                        + "position 25 in '`Torque [Nm]`*rpm+Type=='L'+1'");
        assertThatThrownBy(() -> DerivedColumn.parse("x=rpm*2 `Torque [Nm]`"))
                .hasMessage("derived column 'x': missing operator 'Torque [Nm]' at position 7 in 'rpm*2 `Torque [Nm]`'");
        assertThatThrownBy(() -> DerivedColumn.parse("x=max(rpm,1,2)"))
                .hasMessageContaining("too many parameters for function 'max' at position 1");
        assertThatThrownBy(() -> DerivedColumn.parse("x=if(Type=='L',Type,0)"))
                .hasMessageContaining("column 'Type' is compared with text and also used as a number");
    }

    @Test
    void appliesToNamedValuesAndLaterColumnsMayUseEarlierOnes() {
        Map<String, Double> v = new LinkedHashMap<>(Map.of("a", 3.0, "b", 4.0));
        DerivedColumn.apply(v, DerivedColumn.parseAll(List.of("h=sqrt(a^2+b^2)", "twice=2*h", "c=missing+1")));
        assertThat(v.get("h")).isEqualTo(5.0);
        assertThat(v.get("twice")).isEqualTo(10.0);
        assertThat(v.get("c")).isNaN();
    }

    /** The label is "a × b above a type-dependent limit": a hyperbola on the raw columns, one split on the ratio. */
    static Table strained(int n, long seed) {
        Random rnd = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String type = rnd.nextBoolean() ? "L" : "H";
            double a = 1 + 99 * rnd.nextDouble();
            double b = 1 + 99 * rnd.nextDouble();
            double limit = type.equals("L") ? 2000 : 4000;
            rows.add(new String[] {type, String.format(Locale.ROOT, "%.3f", a), String.format(Locale.ROOT, "%.3f", b),
                    a * b > limit ? "1" : "0"});
        }
        return Table.of(List.of("type", "a", "b", "failure"), rows);
    }

    @Test
    void derivedColumnsAreLearnedFromSavedWithAndRecomputedByTheModel(@TempDir Path dir) throws Exception {
        HealthClassifier.Options plain = new HealthClassifier.Options(HealthClassifier.Learner.RANDOM_FOREST, 40, false,
                3, true, 1);
        HealthClassifier.Options derived = plain.withDerive(
                List.of("ratio=a*b/if(type=='L',2000,4000)"));
        Table train = strained(300, 1);
        HealthClassifier without = HealthClassifier.train(train, "failure", List.of(), plain);
        HealthClassifier with = HealthClassifier.train(train, "failure", List.of(), derived);
        assertThat(with.inputColumns()).contains("ratio");
        assertThat(with.metrics()).containsEntry("derived", 1.0);
        assertThat(with.metrics().get("cv_f1")).isGreaterThan(0.97)
                .isGreaterThan(without.metrics().get("cv_f1"));

        Path file = dir.resolve("m.health");
        with.save(file);
        HealthClassifier loaded = HealthClassifier.load(file);
        assertThat(loaded.derivedColumns()).containsExactly("ratio=a*b/if(type=='L',2000,4000)");
        Table test = strained(200, 2);
        // the input has only the raw columns: the model computes the ratio itself
        List<HealthClassifier.Prediction> p = loaded.predict(test);
        String[] truth = test.text("failure");
        int right = 0;
        for (int i = 0; i < p.size(); i++) {
            right += p.get(i).label().equals(truth[i]) ? 1 : 0;
        }
        assertThat(right).isGreaterThanOrEqualTo(194);
    }

    private static final Path FIXTURES = Path.of("src/test/resources/maintain");

    /**
     * {@code ai4i-sample-derived-v1.tsv} holds, per line, a derived column and the values the first (hand-written)
     * implementation computed for it on {@code ai4i-sample.csv} (synthetic rows in the AI4I layout, with missing
     * cells, a missing type and a zero tool wear); every later implementation must compute exactly these values (saved models were trained on them).
     */
    @Test
    void computesTheValuesTheFirstImplementationComputed() throws Exception {
        Table sample = Table.read(FIXTURES.resolve("ai4i-sample.csv"), null);
        List<String> lines = Files.readAllLines(FIXTURES.resolve("ai4i-sample-derived-v1.tsv"));
        assertThat(lines).hasSize(8);
        List<DerivedColumn> derived = new ArrayList<>();
        for (String line : lines) {
            derived.add(DerivedColumn.parse(line.split("\t")[0]));
        }
        Table computed = DerivedColumn.apply(sample, derived);
        int missing = 0;
        for (int c = 0; c < lines.size(); c++) {
            String[] expected = lines.get(c).split("\t");
            double[] actual = computed.numeric(derived.get(c).name());
            assertThat(actual).hasSize(expected.length - 1);
            for (int r = 0; r < actual.length; r++) {
                double want = Double.parseDouble(expected[r + 1]);
                if (Double.isNaN(want)) {
                    missing++;
                    assertThat(actual[r]).as("%s row %d", derived.get(c), r).isNaN();
                } else {
                    assertThat(actual[r]).as("%s row %d", derived.get(c), r).isEqualTo(want);
                }
            }
        }
        assertThat(missing).isGreaterThan(10);
    }

    /** A model saved (with two derived columns) by the first implementation loads and predicts what it did then. */
    @Test
    void aModelSavedByTheFirstImplementationPredictsTheSame() throws Exception {
        HealthClassifier saved = HealthClassifier.load(FIXTURES.resolve("derived-columns-v1.health"));
        assertThat(saved.derivedColumns()).containsExactly("ratio=a*b/if(type=='L',2000,4000)", "log_ratio=log(ratio)");
        List<String> expected = Files.readAllLines(FIXTURES.resolve("derived-columns-v1-predictions.csv"));
        List<HealthClassifier.Prediction> predictions = saved.predict(strained(100, 2));
        assertThat(predictions).hasSize(expected.size() - 1);
        for (int i = 0; i < predictions.size(); i++) {
            assertThat(predictions.get(i).positiveProbability()).as("row %d", i)
                    .isEqualTo(Double.parseDouble(expected.get(i + 1)));
        }
    }

    @Test
    void aDerivedColumnMayNotUseTheLabel() {
        HealthClassifier.Options o = new HealthClassifier.Options(HealthClassifier.Learner.RANDOM_FOREST, 10, false, 0,
                false, 1, List.of("leak=failure*2"));
        assertThatThrownBy(() -> HealthClassifier.train(strained(50, 1), "failure", List.of(), o))
                .hasMessageContaining("uses the label column");
    }
}
