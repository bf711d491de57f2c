package ai.vidyut.console.detect;

/**
 * The design documents' engineered features, computed causally per reading: value, first difference, difference
 * from the rolling mean, rolling mean, rolling deviation (over the previous {@code window} readings), hour of day,
 * day of week, weekend flag, then the other columns of the row (temperature, occupancy, device count, … where
 * present) as context.
 */
public final class FeatureExtractor {

    public static final int BASE_FEATURES = 8;

    private final int window;
    private final double[] ring;
    private final double[] lastContext;
    private int filled;
    private int pos;
    private double sum;
    private double sumSq;
    private double previous = Double.NaN;

    public FeatureExtractor(int contextColumns, int window) {
        this.window = window;
        this.ring = new double[window];
        this.lastContext = new double[contextColumns];
    }

    public int dimension() {
        return BASE_FEATURES + lastContext.length;
    }

    /** Features of a row whose first value is not NaN; updates the rolling state. */
    public double[] next(long ts, double[] row) {
        double v = row[0];
        double[] f = new double[dimension()];
        double mean = filled == 0 ? v : sum / filled;
        double var = filled < 2 ? 0 : Math.max(0, (sumSq - sum * sum / filled) / (filled - 1));
        f[0] = v;
        f[1] = Double.isNaN(previous) ? 0 : v - previous;
        f[2] = v - mean;
        f[3] = mean;
        f[4] = Math.sqrt(var);
        f[5] = Timestamps.hourOfDay(ts);
        int dow = Timestamps.dayOfWeek(ts);
        f[6] = dow;
        f[7] = dow >= 5 ? 1 : 0;
        for (int c = 0; c < lastContext.length; c++) {
            double x = row[c + 1];
            if (!Double.isNaN(x)) {
                lastContext[c] = x;
            }
            f[BASE_FEATURES + c] = lastContext[c];
        }
        if (filled == window) {
            double old = ring[pos];
            sum -= old;
            sumSq -= old * old;
        } else {
            filled++;
        }
        ring[pos] = v;
        pos = (pos + 1) % window;
        sum += v;
        sumSq += v * v;
        previous = v;
        return f;
    }
}
