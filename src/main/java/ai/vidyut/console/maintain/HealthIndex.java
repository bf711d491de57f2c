package ai.vidyut.console.maintain;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.regression.LinearModel;
import smile.regression.RidgeRegression;

import java.io.Serializable;
import java.util.List;

/**
 * A health index for run-to-failure histories: one number per time step, the ridge regression of the (capped)
 * remaining life on the step's z-scored signals. It pools many noisy sensors that drift together into one
 * low-noise degradation signal — a linear combination that regression trees, which split on one signal at a time,
 * cannot form themselves.
 */
final class HealthIndex implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String TARGET = "__life";
    /** Light ridge penalty on z-scored signals: the fit has thousands of steps, it only guards collinear sensors. */
    static final double PENALTY = 1.0;

    private final double[] weights;
    private final double intercept;

    HealthIndex(double[] weights, double intercept) {
        this.weights = weights.clone();
        this.intercept = intercept;
    }

    /**
     * Fits the index on the z-scored steps of several units ({@code steps.get(u)[i]}) and their remaining lives
     * ({@code life.get(u)[i]}).
     */
    static HealthIndex fit(List<double[][]> steps, List<double[]> life) {
        int rows = 0;
        for (double[] y : life) {
            rows += y.length;
        }
        double[][] x = new double[rows][];
        double[] y = new double[rows];
        int k = 0;
        for (int u = 0; u < steps.size(); u++) {
            for (int i = 0; i < steps.get(u).length; i++) {
                x[k] = steps.get(u)[i];
                y[k++] = life.get(u)[i];
            }
        }
        DataFrame df = HealthClassifier.frame(x).merge(DoubleVector.of(TARGET, y));
        LinearModel fit = RidgeRegression.fit(Formula.lhs(TARGET), df, PENALTY);
        return new HealthIndex(fit.coefficients(), fit.intercept());
    }

    /** The index at every step of one unit (rows: steps, columns: the z-scored signals the index was fitted on). */
    double[] series(double[][] z) {
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            double v = intercept;
            for (int j = 0; j < weights.length; j++) {
                v += weights[j] * z[i][j];
            }
            out[i] = v;
        }
        return out;
    }

    int signals() {
        return weights.length;
    }
}
