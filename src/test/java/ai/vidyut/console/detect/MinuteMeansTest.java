package ai.vidyut.console.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-minute memory behind "the same time the day before" at fast sampling rates. */
class MinuteMeansTest {

    private static final long MINUTE = MinuteMeans.MINUTE_MS;

    @Test
    void meansTheReadingsOfTheWholeMinutesAfterFromUpToAndIncludingTo() {
        MinuteMeans memory = new MinuteMeans();
        for (long t = 0; t < 30 * MINUTE; t += 1000) { // one a second: the minute's number is its value
            memory.add(t, t / MINUTE);
        }
        assertThat(memory.mean(10 * MINUTE - 1, 12 * MINUTE)).isEqualTo(11.0); // minutes 10, 11 and 12
        assertThat(memory.mean(10 * MINUTE, 12 * MINUTE + 59_000)).isEqualTo(11.5); // minutes 11 and 12
        assertThat(memory.mean(-MINUTE - 1, 0)).as("before the first reading").isNaN();
    }

    @Test
    void reachesBackADayAndForgetsWhatIsOlderThanItsSpan() {
        MinuteMeans memory = new MinuteMeans();
        long day = 1440 * MINUTE;
        for (long t = 0; t < 2 * day; t += 5000) {
            memory.add(t, t < day + 6 * 60 * MINUTE ? 1 : 2);
        }
        long now = 2 * day;
        assertThat(memory.mean(now - day - MINUTE, now - day)).isEqualTo(1.0);
        assertThat(memory.mean(now - day + 6 * 60 * MINUTE, now - day + 7 * 60 * MINUTE)).isEqualTo(2.0);
        assertThat(memory.mean(now - (MinuteMeans.MINUTES + 2) * MINUTE, now - day)).as("older than the span").isNaN();
        memory.add(now + 3 * day, 7); // after a long gap nothing older is left
        assertThat(memory.mean(now - day, now)).isNaN();
        assertThat(memory.mean(now + 3 * day - MINUTE, now + 3 * day)).isEqualTo(7.0);
    }
}
