package ai.vidyut.console.maintain;

import smile.base.cart.SplitRule;
import smile.classification.DataFrameClassifier;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * Asset-health classifier trained from a labelled table (one row per window or observation, a label column with the
 * health state or fault class). Numeric columns are used as they are; text columns with few levels are coded;
 * optionally pairwise products and differences of the numeric columns are added (power = torque × speed, strain =
 * wear × torque, a temperature rise = process − air are such terms).
 * <p>
 * Training is nested: an inner stratified cross-validation on the training rows chooses between a random forest and
 * gradient-boosted trees and, for a binary label, the decision threshold that maximises F1; the chosen learner is then
 * refit on all rows. The inner cross-validation's out-of-fold figures are the model's metrics.
 * <p>
 * With exact splits (the default), the learners see every feature coded by its rank among the training values
 * ({@link RankCoding}), so that a tree can split between any two distinct values, however close.
 */
public final class HealthClassifier implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String KIND = "maintenance-health";
    public static final int FORMAT = 1;
    private static final String LABEL = "__label";
    private static final int MAX_LEVELS = 32;

    /** Which learners the inner cross-validation may choose from. */
    public enum Learner { RANDOM_FOREST, GRADIENT_BOOSTING, AUTO }

    /**
     * @param derive      derived feature columns, {@code name=expression} (see {@link DerivedColumn}), computed from
     *                    every input table before training and prediction; they are stored with the model
     * @param exactSplits code the features by rank ({@link RankCoding}) so that trees can split between values closer
     *                    than Smile's 1e-7 tolerance; on by default, off for the plain baseline
     */
    public record Options(Learner learner, int trees, boolean interactions, int innerFolds, boolean tuneThreshold,
                          long seed, List<String> derive, boolean exactSplits) implements Serializable {
        public Options {
            derive = derive == null ? List.of() : List.copyOf(derive);
        }

        public Options(Learner learner, int trees, boolean interactions, int innerFolds, boolean tuneThreshold,
                       long seed, List<String> derive) {
            this(learner, trees, interactions, innerFolds, tuneThreshold, seed, derive, true);
        }

        public Options(Learner learner, int trees, boolean interactions, int innerFolds, boolean tuneThreshold,
                       long seed) {
            this(learner, trees, interactions, innerFolds, tuneThreshold, seed, List.of());
        }

        public static Options defaults() {
            return new Options(Learner.AUTO, 300, true, 3, true, 42);
        }

        /** A plain random forest on the raw columns, argmax decision, Smile's own split points: the benchmark baseline. */
        public static Options plainRandomForest() {
            return new Options(Learner.RANDOM_FOREST, 300, false, 0, false, 42, List.of(), false);
        }

        public Options withSeed(long s) {
            return new Options(learner, trees, interactions, innerFolds, tuneThreshold, s, derive, exactSplits);
        }

        public Options withDerive(List<String> d) {
            return new Options(learner, trees, interactions, innerFolds, tuneThreshold, seed, d, exactSplits);
        }

        public Options withExactSplits(boolean exact) {
            return new Options(learner, trees, interactions, innerFolds, tuneThreshold, seed, derive, exact);
        }
    }

    /** One prediction: the class, its probability, and for a binary label the probability of the positive class. */
    public record Prediction(String label, double probability, double positiveProbability, double[] posterior) {
    }

    private final String labelColumn;
    private final Encoder encoder;
    private final String[] classes;
    private final int positive;
    private final double threshold;
    private final DataFrameClassifier model;
    private final Learner learner;
    private final Map<String, Double> metrics;
    private final int trainingRows;
    /** Derived feature columns (null in models saved before they existed, which is the same as none). */
    private List<DerivedColumn> derived;
    /** The features' rank coding; null without exact splits and in models saved before it existed. */
    private RankCoding rankCoding;

    private HealthClassifier(String labelColumn, Encoder encoder, String[] classes, int positive, double threshold,
                             DataFrameClassifier model, Learner learner, Map<String, Double> metrics, int trainingRows) {
        this.labelColumn = labelColumn;
        this.encoder = encoder;
        this.classes = classes;
        this.positive = positive;
        this.threshold = threshold;
        this.model = model;
        this.learner = learner;
        this.metrics = metrics;
        this.trainingRows = trainingRows;
    }

    public static HealthClassifier train(Table input, String labelColumn, Collection<String> drop, Options options) {
        List<DerivedColumn> derived = DerivedColumn.parseAll(options.derive());
        String label = input.name(labelColumn);
        for (DerivedColumn d : derived) {
            if (d.inputs().contains(label)) {
                throw new IllegalArgumentException("derived column '" + d.name() + "' uses the label column '" + label
                        + "'");
            }
        }
        Table table = DerivedColumn.apply(input, derived);
        String[] raw = table.text(label);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isEmpty()) {
                throw new IllegalArgumentException("line " + table.lineNumber(i) + ": empty label in column '" + label + "'");
            }
            counts.merge(raw[i], 1, Integer::sum);
        }
        if (counts.size() < 2) {
            throw new IllegalArgumentException("cannot train a health classifier: column '" + label
                    + "' has a single class (" + counts.keySet() + ")");
        }
        String[] classes = counts.keySet().stream().sorted(HealthClassifier::compareLabels).toArray(String[]::new);
        for (String c : classes) {
            if (counts.get(c) < 2) {
                throw new IllegalArgumentException("cannot train a health classifier: class '" + c
                        + "' has a single example");
            }
        }
        int[] y = encodeLabels(raw, classes);
        int positive = classes.length == 2 ? positiveClass(classes, counts) : -1;

        Set<String> dropped = new java.util.HashSet<>();
        for (String d : drop) {
            dropped.add(table.name(d));
        }
        dropped.add(label);
        // with pairwise terms allowed, the inner cross-validation also decides whether they help (they do on
        // physics-like raw columns, not on already engineered statistics); without inner folds they are used as asked
        List<Boolean> pairChoices = options.interactions() && options.innerFolds() >= 2
                ? List.of(false, true) : List.of(options.interactions());
        Map<Boolean, Encoder> encoders = new LinkedHashMap<>();
        Map<Boolean, double[][]> features = new LinkedHashMap<>();
        for (boolean pairs : pairChoices) {
            Encoder e = Encoder.fit(table, dropped, pairs);
            if (pairs && !e.interactions) {
                continue; // too few or too many numeric columns for pairwise terms: nothing to compare
            }
            encoders.put(pairs, e);
            features.put(pairs, e.transform(table));
        }
        pairChoices = List.copyOf(encoders.keySet());

        List<Learner> candidates = options.learner() == Learner.AUTO
                ? List.of(Learner.RANDOM_FOREST, Learner.GRADIENT_BOOSTING) : List.of(options.learner());
        Map<String, Double> metrics = new LinkedHashMap<>();
        Learner chosen = candidates.get(0);
        boolean chosenPairs = pairChoices.get(0);
        double threshold = 0.5;
        if (options.innerFolds() >= 2) {
            int folds = Math.min(options.innerFolds(), counts.values().stream().min(Integer::compare).orElse(2));
            folds = Math.max(2, folds);
            int[] fold = Folds.stratified(y, folds, options.seed());
            double bestScore = Double.NEGATIVE_INFINITY;
            for (boolean pairs : pairChoices) {
                double[][] xv = features.get(pairs);
                candidateLoop:
                for (Learner candidate : candidates) {
                    double[][] oof = new double[y.length][];
                    for (int k = 0; k < folds; k++) {
                        int[] tr = Folds.indices(fold, k, false);
                        int[] te = Folds.indices(fold, k, true);
                        double[][] xTrain = rows(xv, tr);
                        double[][] xTest = rows(xv, te);
                        if (options.exactSplits()) {
                            RankCoding coding = RankCoding.fit(xTrain);
                            xTrain = coding.code(xTrain);
                            xTest = coding.code(xTest);
                        }
                        DataFrameClassifier m;
                        try {
                            m = fit(candidate, xTrain, pick(y, tr), classes.length, options);
                        } catch (IllegalArgumentException e) {
                            if (candidates.size() > 1 && isSmallSampleForestFailure(candidate, e)) {
                                continue candidateLoop; // too few rows for the forest here; the other learner decides
                            }
                            throw e;
                        }
                        double[][] post = posteriors(m, xTest, classes.length);
                        for (int i = 0; i < te.length; i++) {
                            oof[te[i]] = post[i];
                        }
                    }
                    Map<String, Double> cv = new LinkedHashMap<>();
                    double t = evaluate(y, oof, classes.length, positive, options.tuneThreshold(), cv);
                    double score = positive >= 0 ? cv.get("cv_f1") : cv.get("cv_accuracy");
                    if (score > bestScore) {
                        bestScore = score;
                        chosen = candidate;
                        chosenPairs = pairs;
                        threshold = t;
                        metrics = cv;
                    }
                }
            }
        }
        Encoder encoder = encoders.get(chosenPairs);
        double[][] x = features.get(chosenPairs);
        RankCoding rankCoding = options.exactSplits() ? RankCoding.fit(x) : null;
        if (rankCoding != null) {
            x = rankCoding.code(x);
        }
        DataFrameClassifier model;
        try {
            model = fit(chosen, x, y, classes.length, options);
        } catch (IllegalArgumentException e) {
            if (options.learner() != Learner.AUTO || !isSmallSampleForestFailure(chosen, e)) {
                throw e;
            }
            chosen = Learner.GRADIENT_BOOSTING;
            model = fit(chosen, x, y, classes.length, options);
        }
        metrics.put("rows", (double) y.length);
        metrics.put("classes", (double) classes.length);
        metrics.put("features", (double) encoder.width());
        metrics.put("interactions", chosenPairs ? 1.0 : 0.0);
        metrics.put("derived", (double) derived.size());
        metrics.put("exact_splits", rankCoding != null ? 1.0 : 0.0);
        HealthClassifier trained = new HealthClassifier(label, encoder, classes, positive, threshold, model, chosen,
                Map.copyOf(metrics), y.length);
        trained.derived = List.copyOf(derived);
        trained.rankCoding = rankCoding;
        return trained;
    }

    /** Fills out-of-fold metrics and returns the decision threshold for the positive class (0.5 when not tuned). */
    private static double evaluate(int[] y, double[][] post, int k, int positive, boolean tune, Map<String, Double> out) {
        int[] pred = new int[y.length];
        double threshold = 0.5;
        if (positive >= 0) {
            boolean[] isPos = new boolean[y.length];
            double[] score = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                isPos[i] = y[i] == positive;
                score[i] = post[i][positive];
            }
            if (tune) {
                threshold = Metrics.bestF1Threshold(isPos, score);
            }
            for (int i = 0; i < y.length; i++) {
                pred[i] = score[i] >= threshold ? positive : 1 - positive;
            }
            Metrics.Binary b = Metrics.binary(y, pred, positive);
            out.put("cv_precision", b.precision());
            out.put("cv_recall", b.recall());
            out.put("cv_f1", b.f1());
            out.put("cv_pr_auc", Metrics.averagePrecision(isPos, score));
            out.put("threshold", threshold);
        } else {
            for (int i = 0; i < y.length; i++) {
                pred[i] = argmax(post[i]);
            }
            out.put("cv_macro_f1", Metrics.macroF1(y, pred, k));
        }
        out.put("cv_accuracy", Metrics.accuracy(y, pred));
        return threshold;
    }

    /**
     * Smile 3.1.1's random forest scores every tree on its out-of-bag rows and fails when such a sample holds exactly
     * two classes of a multi-class label ("Sensitivity can only be applied to binary classification"), which happens
     * on a few dozen rows. The automatic learner choice then leaves the forest out instead of failing the training.
     */
    private static final String TOO_FEW_FOR_FOREST = "too few rows for a random forest";

    private static boolean isSmallSampleForestFailure(Learner learner, IllegalArgumentException e) {
        return learner == Learner.RANDOM_FOREST && String.valueOf(e.getMessage()).startsWith(TOO_FEW_FOR_FOREST);
    }

    private static DataFrameClassifier fit(Learner learner, double[][] x, int[] y, int classes, Options o) {
        DataFrame df = frame(x).merge(IntVector.of(LABEL, y));
        Formula formula = Formula.lhs(LABEL);
        int p = x[0].length;
        if (learner == Learner.GRADIENT_BOOSTING) {
            // maxDepth 20, 16 leaves, 5 per leaf, shrinkage 0.05, 70 % row subsample: Friedman's usual settings
            return GradientTreeBoost.fit(formula, df, o.trees(), 20, 16, 5, 0.05, 0.7);
        }
        int mtry = Math.max(1, (int) Math.floor(Math.sqrt(p)));
        long seed = o.seed();
        try {
            return RandomForest.fit(formula, df, o.trees(), mtry, SplitRule.GINI, 20, Math.max(y.length / 5, 2), 1,
                    1.0, null, LongStream.range(0, o.trees()).map(i -> seed * 1_000_003L + i));
        } catch (IllegalArgumentException e) {
            if (classes > 2 && String.valueOf(e.getMessage()).contains("binary classification")) {
                throw new IllegalArgumentException(TOO_FEW_FOR_FOREST + ": " + y.length + " rows of " + classes
                        + " classes (a tree's out-of-bag sample held only two); label more rows or use gradient "
                        + "boosting", e);
            }
            throw e;
        }
    }

    static DataFrame frame(double[][] x) {
        String[] names = new String[x[0].length];
        for (int j = 0; j < names.length; j++) {
            names[j] = "f" + j;
        }
        return DataFrame.of(x, names);
    }

    private static double[][] posteriors(DataFrameClassifier m, double[][] x, int k) {
        DataFrame df = frame(x);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] post = new double[k];
            m.predict(df.get(i), post);
            out[i] = post;
        }
        return out;
    }

    public List<Prediction> predict(Table input) {
        Table table = DerivedColumn.apply(input, derived());
        double[][] x = encoder.transform(table);
        if (rankCoding != null) {
            x = rankCoding.code(x);
        }
        double[][] post = posteriors(model, x, classes.length);
        List<Prediction> out = new ArrayList<>(x.length);
        for (double[] p : post) {
            out.add(toPrediction(p));
        }
        return out;
    }

    /** Predicts from already named feature values (the live service uses this); missing names count as missing. */
    public Prediction predict(Map<String, Double> features) {
        Map<String, Double> values = features;
        if (!derived().isEmpty()) {
            values = new LinkedHashMap<>(features);
            DerivedColumn.apply(values, derived());
        }
        double[] row = encoder.transform(values);
        double[][] x = new double[][] {rankCoding != null ? rankCoding.code(row) : row};
        return toPrediction(posteriors(model, x, classes.length)[0]);
    }

    private Prediction toPrediction(double[] p) {
        if (positive >= 0) {
            int c = p[positive] >= threshold ? positive : 1 - positive;
            return new Prediction(classes[c], p[c], p[positive], p);
        }
        int c = argmax(p);
        return new Prediction(classes[c], p[c], Double.NaN, p);
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    public void save(Path file) throws IOException {
        ModelFiles.write(file, KIND, FORMAT, this);
    }

    public static HealthClassifier load(Path file) throws IOException {
        return ModelFiles.read(file, KIND, FORMAT, HealthClassifier.class);
    }

    /** The derived feature columns, {@code name=expression}, in the order they are computed. */
    public List<String> derivedColumns() {
        return derived().stream().map(DerivedColumn::toString).toList();
    }

    private List<DerivedColumn> derived() {
        return derived == null ? List.of() : derived;
    }

    public String labelColumn() {
        return labelColumn;
    }

    public List<String> classes() {
        return List.of(classes);
    }

    /** The positive class of a binary label, else null. */
    public String positiveClass() {
        return positive >= 0 ? classes[positive] : null;
    }

    public double threshold() {
        return threshold;
    }

    public Learner learner() {
        return learner;
    }

    /** Whether the model uses the pairwise products and differences of the numeric columns. */
    public boolean interactions() {
        return encoder.interactions;
    }

    /** Whether the learner sees the features coded by rank (exact split points, see {@link RankCoding}). */
    public boolean exactSplits() {
        return rankCoding != null;
    }

    public Map<String, Double> metrics() {
        return metrics;
    }

    public int trainingRows() {
        return trainingRows;
    }

    public List<String> inputColumns() {
        return encoder.inputs();
    }

    // ---- labels ----

    private static int compareLabels(String a, String b) {
        if (Table.isNumber(a) && Table.isNumber(b)) {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        }
        return a.compareTo(b);
    }

    private static int[] encodeLabels(String[] raw, String[] classes) {
        Map<String, Integer> code = new LinkedHashMap<>();
        for (int i = 0; i < classes.length; i++) {
            code.put(classes[i], i);
        }
        int[] y = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            y[i] = code.get(raw[i]);
        }
        return y;
    }

    /** 1/true/yes/fault/failure-like labels are positive; otherwise the rarer class is. */
    private static int positiveClass(String[] classes, Map<String, Integer> counts) {
        for (int i = 0; i < 2; i++) {
            String l = classes[i].toLowerCase(Locale.ROOT);
            if (l.equals("1") || l.equals("1.0") || l.equals("true") || l.equals("yes") || l.contains("fault")
                    || l.contains("fail") || l.equals("anomaly") || l.equals("faulty")) {
                return i;
            }
        }
        for (int i = 0; i < 2; i++) {
            String l = classes[i].toLowerCase(Locale.ROOT);
            if (l.equals("healthy") || l.equals("normal") || l.equals("ok") || l.equals("0") || l.equals("false")) {
                return 1 - i;
            }
        }
        return counts.get(classes[0]) <= counts.get(classes[1]) ? 0 : 1;
    }

    static double[][] rows(double[][] x, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = x[idx[i]];
        }
        return out;
    }

    static int[] pick(int[] y, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = y[idx[i]];
        }
        return out;
    }

    /** Turns table columns into the model's feature vector; fitted on the training table and stored with the model. */
    static final class Encoder implements Serializable {
        private static final long serialVersionUID = 1L;
        private final List<String> numeric;
        private final double[] medians;
        private final Map<String, List<String>> categorical;
        private final boolean interactions;

        private Encoder(List<String> numeric, double[] medians, Map<String, List<String>> categorical,
                        boolean interactions) {
            this.numeric = numeric;
            this.medians = medians;
            this.categorical = categorical;
            this.interactions = interactions;
        }

        static Encoder fit(Table t, Set<String> dropped, boolean interactions) {
            List<String> numeric = new ArrayList<>();
            Map<String, List<String>> categorical = new LinkedHashMap<>();
            for (String c : t.columns()) {
                if (dropped.contains(c)) {
                    continue;
                }
                if (t.isNumeric(c)) {
                    numeric.add(c);
                } else {
                    Map<String, Integer> levels = t.levels(c);
                    if (levels.size() <= MAX_LEVELS && levels.size() < t.rowCount()) {
                        categorical.put(c, List.copyOf(levels.keySet()));
                    } else {
                        org.slf4j.LoggerFactory.getLogger(HealthClassifier.class)
                                .warn("ignoring text column '{}' with {} distinct values", c, levels.size());
                    }
                }
            }
            if (numeric.isEmpty() && categorical.isEmpty()) {
                throw new IllegalArgumentException("no feature columns left after dropping " + dropped);
            }
            double[] medians = new double[numeric.size()];
            for (int j = 0; j < numeric.size(); j++) {
                double[] v = Arrays.stream(t.numeric(numeric.get(j))).filter(d -> !Double.isNaN(d)).toArray();
                medians[j] = v.length == 0 ? 0 : ConditionFeatures.median(v);
            }
            boolean pairs = interactions && numeric.size() >= 2 && numeric.size() <= 16;
            return new Encoder(List.copyOf(numeric), medians, categorical, pairs);
        }

        List<String> inputs() {
            List<String> all = new ArrayList<>(numeric);
            all.addAll(categorical.keySet());
            return all;
        }

        int width() {
            int n = numeric.size();
            return n + categorical.size() + (interactions ? n * (n - 1) : 0);
        }

        double[][] transform(Table t) {
            int rows = t.rowCount();
            double[][] cols = new double[numeric.size()][];
            for (int j = 0; j < numeric.size(); j++) {
                if (!t.has(numeric.get(j))) {
                    throw new IllegalArgumentException("input lacks column '" + numeric.get(j)
                            + "' that the model was trained on");
                }
                cols[j] = t.numeric(numeric.get(j));
            }
            String[][] cats = new String[categorical.size()][];
            int ci = 0;
            for (String c : categorical.keySet()) {
                if (!t.has(c)) {
                    throw new IllegalArgumentException("input lacks column '" + c + "' that the model was trained on");
                }
                cats[ci++] = t.text(c);
            }
            double[][] x = new double[rows][];
            double[] num = new double[numeric.size()];
            double[] cat = new double[categorical.size()];
            List<List<String>> levels = new ArrayList<>(categorical.values());
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < num.length; j++) {
                    num[j] = cols[j][r];
                }
                for (int j = 0; j < cat.length; j++) {
                    cat[j] = levels.get(j).indexOf(cats[j][r]);
                }
                x[r] = row(num, cat);
            }
            return x;
        }

        double[] transform(Map<String, Double> values) {
            double[] num = new double[numeric.size()];
            for (int j = 0; j < num.length; j++) {
                Double v = values.get(numeric.get(j));
                num[j] = v == null ? Double.NaN : v;
            }
            double[] cat = new double[categorical.size()];
            Arrays.fill(cat, -1);
            return row(num, cat);
        }

        private double[] row(double[] num, double[] cat) {
            double[] out = new double[width()];
            int k = 0;
            double[] filled = new double[num.length];
            for (int j = 0; j < num.length; j++) {
                filled[j] = Double.isNaN(num[j]) || Double.isInfinite(num[j]) ? medians[j] : num[j];
                out[k++] = filled[j];
            }
            for (double c : cat) {
                out[k++] = c;
            }
            if (interactions) {
                for (int a = 0; a < filled.length; a++) {
                    for (int b = a + 1; b < filled.length; b++) {
                        out[k++] = filled[a] * filled[b];
                        out[k++] = filled[a] - filled[b];
                    }
                }
            }
            return out;
        }
    }
}
