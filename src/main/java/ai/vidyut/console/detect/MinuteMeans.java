package ai.vidyut.console.detect;

import java.util.Arrays;

/**
 * One series' readings summed per clock minute over the last {@value #MINUTES} minutes (a day and two hours), so
 * that "what did the series do at this time yesterday" can be answered at any sampling rate: at one reading a second
 * a ring of readings would need 86,400 places, this needs {@value #MINUTES} sums and counts (12 bytes each, about
 * 18 KB per series) whatever the rate. Readings must come in time order (later minutes clear the slots they reuse).
 */
final class MinuteMeans {

    static final long MINUTE_MS = 60_000L;
    /** Minutes remembered: a day plus room for the alarm delay and the level window before it. */
    static final int MINUTES = 26 * 60;

    private final double[] sums = new double[MINUTES];
    private final int[] counts = new int[MINUTES];
    private boolean empty = true;
    private long oldestMinute;
    private long newestMinute;

    void add(long t, double x) {
        long minute = Math.floorDiv(t, MINUTE_MS);
        if (empty) {
            empty = false;
            oldestMinute = minute;
            newestMinute = minute;
        } else if (minute < newestMinute) {
            return;
        } else if (minute > newestMinute) {
            if (minute - newestMinute >= MINUTES) {
                Arrays.fill(sums, 0);
                Arrays.fill(counts, 0);
            } else {
                for (long m = newestMinute + 1; m <= minute; m++) {
                    sums[slot(m)] = 0;
                    counts[slot(m)] = 0;
                }
            }
            newestMinute = minute;
            oldestMinute = Math.max(oldestMinute, minute - MINUTES + 1);
        }
        sums[slot(minute)] += x;
        counts[slot(minute)]++;
    }

    /**
     * Mean of the readings in the clock minutes after the one holding {@code fromMillis} up to and including the one
     * holding {@code toMillis}; NaN when the memory does not reach back to that window or it holds no reading.
     */
    double mean(long fromMillis, long toMillis) {
        long first = Math.floorDiv(fromMillis, MINUTE_MS) + 1;
        long last = Math.min(Math.floorDiv(toMillis, MINUTE_MS), newestMinute);
        if (empty || first < oldestMinute || first > last) {
            return Double.NaN;
        }
        double sum = 0;
        long n = 0;
        for (long m = first; m <= last; m++) {
            sum += sums[slot(m)];
            n += counts[slot(m)];
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static int slot(long minute) {
        return (int) Math.floorMod(minute, (long) MINUTES);
    }
}
