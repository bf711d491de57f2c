package ai.vidyut.console.maintain;

import java.time.Duration;
import java.time.Instant;

/**
 * Remaining useful life with an interval, in the asset's own usage unit (cycles, operating hours, days…).
 * {@link #schedule} turns it into calendar dates from the asset's usage rate.
 */
public record RemainingLife(double rul, double lower, double upper) {

    /** Calendar view of a remaining life: when failure is expected, the earliest and latest plausible dates. */
    public record Schedule(Instant predictedFailure, Instant earliestFailure, Instant latestFailure,
                           double daysToFailure, int daysUntilMaintenance) {
    }

    /**
     * Converts usage units into days with {@code usagePerDay} (for example 2.5 cycles a day) and schedules the
     * maintenance before the early end of the interval, keeping {@code marginDays} in hand.
     */
    public Schedule schedule(Instant now, double usagePerDay, double marginDays) {
        if (!(usagePerDay > 0)) {
            throw new IllegalArgumentException("usage rate must be positive, got " + usagePerDay);
        }
        double days = rul / usagePerDay;
        double early = lower / usagePerDay;
        double late = upper / usagePerDay;
        int maintenance = (int) Math.max(0, Math.floor(early - marginDays));
        return new Schedule(plusDays(now, days), plusDays(now, early), plusDays(now, late), days, maintenance);
    }

    private static Instant plusDays(Instant now, double days) {
        return now.plus(Duration.ofSeconds(Math.round(days * 86_400)));
    }

    /** Usage units per day estimated from the span of a history: (last − first time) over elapsed days. */
    public static double usageRate(double firstUsage, double lastUsage, Instant firstSeen, Instant lastSeen) {
        double days = Duration.between(firstSeen, lastSeen).toMillis() / 86_400_000.0;
        if (days <= 0 || lastUsage <= firstUsage) {
            throw new IllegalArgumentException("cannot estimate a usage rate from an empty or flat history");
        }
        return (lastUsage - firstUsage) / days;
    }
}
