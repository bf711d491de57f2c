package ai.vidyut.console.detect;

import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;
import smile.math.MathEx;
import smile.stat.distribution.GaussianDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Smile's Isolation Forest on the engineered, standardised features (the design documents' detector).
 * Trees are grown one by one in the calling thread from a seeded generator, so a seed gives the same forest
 * every time (Smile's own {@code fit} grows trees in parallel and is not reproducible). Smile also draws from a
 * shared Gaussian generator that caches a spare value between calls; it is reset before growing, and growing is
 * serialised, so the forest depends on the seed alone.
 */
public final class IsolationForestDetector extends TrainedDetector {

    private IsolationForest forest;

    public IsolationForestDetector(DetectorParams params, int columns) {
        super(params, columns);
    }

    @Override
    public String name() {
        return DetectorParams.IFOREST;
    }

    @Override
    protected void fit(double[][] x) {
        forest = grow(x, params.ifTrees(), params.ifSampleSize(), params.seed());
    }

    private static final Object SMILE_RANDOM = new Object();

    static IsolationForest grow(double[][] x, int trees, int sampleSize, long seed) {
        synchronized (SMILE_RANDOM) {
            resetSharedGaussian();
            return growUnlocked(x, trees, sampleSize, seed);
        }
    }

    private static void resetSharedGaussian() {
        try {
            java.lang.reflect.Field z1 = GaussianDistribution.class.getDeclaredField("z1");
            z1.setAccessible(true);
            z1.setDouble(GaussianDistribution.getInstance(), Double.NaN);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot make Smile's Isolation Forest reproducible: " + e, e);
        }
    }

    private static IsolationForest growUnlocked(double[][] x, int trees, int sampleSize, long seed) {
        int n = Math.min(sampleSize, x.length);
        int depth = (int) Math.ceil(Math.log(Math.max(2, n)) / Math.log(2));
        Random random = new Random(seed);
        MathEx.setSeed(seed);
        IsolationTree[] grown = new IsolationTree[trees];
        int[] index = new int[x.length];
        for (int t = 0; t < trees; t++) {
            for (int i = 0; i < index.length; i++) {
                index[i] = i;
            }
            List<double[]> sample = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int j = i + random.nextInt(index.length - i);
                int tmp = index[i];
                index[i] = index[j];
                index[j] = tmp;
                sample.add(x[index[i]]);
            }
            grown[t] = new IsolationTree(sample, depth, 0);
        }
        return new IsolationForest(n, 0, grown);
    }

    @Override
    protected double raw(double[] x) {
        return forest.score(x);
    }
}
