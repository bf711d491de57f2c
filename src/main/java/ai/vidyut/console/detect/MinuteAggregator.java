package ai.vidyut.console.detect;

/**
 * Puts one series' readings in front of its detector at no more than one a minute: while the series arrives faster
 * than one reading every {@value #FAST_INTERVAL_MS} ms (smoothed interval), the readings of each clock minute are
 * averaged and the mean is handed on when the minute closes (at the first reading of a later minute), stamped with
 * the minute's start; a minute that got a single reading hands on that reading as it is. A slower series is handed
 * on reading by reading, unchanged. The detector's windows and half-lives count readings and were tuned at one a
 * minute, so at one a second they would otherwise span 60 times less time. Readings must come in time order;
 * NaN readings are skipped.
 */
final class MinuteAggregator {

    /** Receives what is to be scored: a timestamp and a value (a reading, or a minute's mean). */
    interface Sink {
        void accept(long ts, double value);
    }

    /** A series whose smoothed interval is below this is averaged per minute. */
    static final long FAST_INTERVAL_MS = 30_000L;
    private static final double SMOOTHING = 0.05;

    private double typicalInterval = Double.NaN;
    private long lastTs = Long.MIN_VALUE;
    private long lastHandedOn = Long.MIN_VALUE;
    private long minute;
    private long firstTs;
    private double sum;
    private int count;

    void accept(long ts, double value, Sink sink) {
        if (lastTs != Long.MIN_VALUE) {
            double interval = ts - lastTs;
            typicalInterval = Double.isNaN(typicalInterval) ? interval
                    : typicalInterval + SMOOTHING * (interval - typicalInterval);
        }
        lastTs = ts;
        long readingMinute = Math.floorDiv(ts, MinuteMeans.MINUTE_MS);
        if (count > 0 && readingMinute != minute) {
            closeMinute(sink);
        }
        if (Double.isNaN(value)) {
            return;
        }
        if (!Double.isNaN(typicalInterval) && typicalInterval >= FAST_INTERVAL_MS) {
            handOn(ts, value, sink);
            return;
        }
        if (count == 0) {
            minute = readingMinute;
            firstTs = ts;
        }
        sum += value;
        count++;
    }

    private void closeMinute(Sink sink) {
        long stamp = count == 1 ? firstTs : minute * MinuteMeans.MINUTE_MS;
        handOn(Math.max(stamp, lastHandedOn + 1), sum / count, sink);
        sum = 0;
        count = 0;
    }

    private void handOn(long ts, double value, Sink sink) {
        lastHandedOn = ts;
        sink.accept(ts, value);
    }
}
