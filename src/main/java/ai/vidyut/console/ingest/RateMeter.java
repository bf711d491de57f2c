package ai.vidyut.console.ingest;

/** Events per second over the last few complete seconds. Thread-safe, cheap enough to mark per message. */
final class RateMeter {

    private static final int SLOTS = 8;
    private static final int WINDOW = 5;

    private final long[] seconds = new long[SLOTS];
    private final long[] counts = new long[SLOTS];

    synchronized void mark(long n, long nowMillis) {
        long sec = nowMillis / 1000;
        int i = (int) (sec % SLOTS);
        if (seconds[i] != sec) {
            seconds[i] = sec;
            counts[i] = 0;
        }
        counts[i] += n;
    }

    /** Mean rate over the {@value #WINDOW} complete seconds before {@code nowMillis}. */
    synchronized double perSecond(long nowMillis) {
        long sec = nowMillis / 1000;
        long sum = 0;
        for (long s = sec - WINDOW; s < sec; s++) {
            int i = (int) (s % SLOTS);
            if (seconds[i] == s) {
                sum += counts[i];
            }
        }
        return sum / (double) WINDOW;
    }
}
