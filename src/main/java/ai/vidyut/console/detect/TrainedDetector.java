package ai.vidyut.console.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * A detector that learns normal behaviour from the first {@code trainSize} readings of a series (scoring 0 meanwhile),
 * then scores every later reading against it. Features are standardised with the training mean and deviation;
 * raw model outputs are turned into [0, 1] scores with a calibration on the training readings.
 */
abstract class TrainedDetector implements StreamingDetector {

    protected final DetectorParams params;
    private final FeatureExtractor features;
    private final List<double[]> training = new ArrayList<>();
    private double[] mean;
    private double[] scale;
    private Stats.Calibration calibration;
    private String failure;
    private final TrainingWindow window;

    TrainedDetector(DetectorParams params, int columns) {
        this.params = params;
        this.features = new FeatureExtractor(columns - 1, 12);
        this.window = new TrainingWindow(params.trainSize());
    }

    /** Fits the model on standardised training features. */
    protected abstract void fit(double[][] x);

    /** Raw anomaly measure of a standardised feature vector; larger = more anomalous. */
    protected abstract double raw(double[] x);

    public boolean trained() {
        return calibration != null;
    }

    /** Why training failed, or null. */
    public String failure() {
        return failure;
    }

    @Override
    public double update(long ts, double[] row) {
        if (Double.isNaN(row[0])) {
            return 0;
        }
        double[] f = features.next(ts, row);
        if (failure != null) {
            return 0;
        }
        if (calibration == null) {
            training.add(f);
            if (window.add(ts)) {
                train();
            }
            return 0;
        }
        standardise(f);
        double z = calibration.z(raw(f));
        return Stats.tailScore(z, params.decades());
    }

    private void train() {
        int n = training.size();
        int d = training.get(0).length;
        mean = new double[d];
        scale = new double[d];
        for (double[] f : training) {
            for (int j = 0; j < d; j++) {
                mean[j] += f[j] / n;
            }
        }
        for (double[] f : training) {
            for (int j = 0; j < d; j++) {
                scale[j] += (f[j] - mean[j]) * (f[j] - mean[j]) / Math.max(1, n - 1);
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.sqrt(scale[j]);
            if (!(scale[j] > 1e-9)) {
                scale[j] = 1;
            }
        }
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = training.get(i);
            standardise(x[i]);
        }
        try {
            fit(x);
            double[] raws = new double[n];
            for (int i = 0; i < n; i++) {
                raws[i] = raw(x[i]);
            }
            calibration = Stats.Calibration.fit(raws, 1 - params.contamination());
        } catch (RuntimeException e) {
            failure = name() + " could not be trained on " + n + " readings: " + e.getMessage();
        }
        training.clear();
    }

    private void standardise(double[] f) {
        for (int j = 0; j < f.length; j++) {
            f[j] = (f[j] - mean[j]) / scale[j];
        }
    }
}
