package ai.vidyut.console.detect;

/**
 * Decides when a trained detector has seen enough normal behaviour: {@code trainSize} readings, and for series
 * sampled every 30 s or slower also a full day, so that the daily cycle is part of what it learns.
 */
final class TrainingWindow {

    static final long SEASONAL_MIN_INTERVAL_MS = 30_000;
    static final int MAX_ROWS = 20_000;
    private static final long DAY_MS = 86_400_000L;

    private final int trainSize;
    private int count;
    private long first = Long.MIN_VALUE;
    private long last = Long.MIN_VALUE;
    private double interval;

    TrainingWindow(int trainSize) {
        this.trainSize = trainSize;
    }

    /** Counts a reading; returns true when training should happen now. */
    boolean add(long ts) {
        count++;
        if (first == Long.MIN_VALUE) {
            first = ts;
        } else if (ts > last) {
            double dt = ts - last;
            interval = interval == 0 ? dt : interval + 0.05 * (dt - interval);
        }
        last = Math.max(last, ts);
        if (count >= MAX_ROWS) {
            return true;
        }
        if (count < trainSize) {
            return false;
        }
        return interval < SEASONAL_MIN_INTERVAL_MS || last - first >= DAY_MS;
    }
}
