package ai.vidyut.console.forecast;

import java.util.List;

/** Mean and standard deviation of regressor columns over a fitting window, so that ridge penalties treat them alike. */
record RegressorScaling(double[] mean, double[] std) {

    /** Over rows {@code [from, to)}; a constant column gets a deviation of 1 rather than 0. */
    static RegressorScaling fit(RegularSeries s, List<String> names, int from, int to) {
        double[] mean = new double[names.size()];
        double[] std = new double[names.size()];
        for (int r = 0; r < names.size(); r++) {
            double[] x = s.regressors().get(names.get(r));
            double m = 0;
            double q = 0;
            for (int i = from; i < to; i++) {
                m += x[i];
            }
            m /= (to - from);
            for (int i = from; i < to; i++) {
                q += (x[i] - m) * (x[i] - m);
            }
            mean[r] = m;
            double sd = Math.sqrt(q / (to - from));
            std[r] = sd > 1e-12 ? sd : 1;
        }
        return new RegressorScaling(mean, std);
    }
}
