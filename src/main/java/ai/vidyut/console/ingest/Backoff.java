package ai.vidyut.console.ingest;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential reconnect delay with jitter: initial, doubling up to a maximum, reset on success. */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private long next;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.next = initialMillis;
    }

    synchronized long nextDelayMillis() {
        long base = next;
        next = Math.min(next * 2, maxMillis);
        long jitter = base / 5 == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 5);
        return base + jitter;
    }

    synchronized void reset() {
        next = initialMillis;
    }
}
