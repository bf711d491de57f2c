package ai.vidyut.console.cli;

import ai.vidyut.console.maintain.RemainingLife;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The calendar columns of {@code maintenance predict-rul --usage-per-day R [--as-of T]}: the predicted failure date
 * (as-of + rul / R days, ISO-8601 instant to the second) and the whole days until maintenance (the lower end of the
 * interval over R, rounded down).
 */
final class RulDates {

    static final String HEADER = "predictedFailureDate,daysUntilMaintenance";

    private final double usagePerDay;
    private final Instant asOf;

    private RulDates(double usagePerDay, Instant asOf) {
        this.usagePerDay = usagePerDay;
        this.asOf = asOf;
    }

    /** Null when no usage rate was given (the output keeps its four columns). */
    static RulDates of(Double usagePerDay, Instant asOf) {
        return of(usagePerDay, asOf, Clock.systemUTC());
    }

    static RulDates of(Double usagePerDay, Instant asOf, Clock clock) {
        if (usagePerDay == null) {
            if (asOf != null) {
                throw new IllegalArgumentException("--as-of needs --usage-per-day (time units per day)");
            }
            return null;
        }
        if (!(usagePerDay > 0) || Double.isInfinite(usagePerDay)) {
            throw new IllegalArgumentException("--usage-per-day must be a positive number, got " + usagePerDay);
        }
        return new RulDates(usagePerDay, asOf != null ? asOf : clock.instant());
    }

    String columns(double rul, double lower, double upper) {
        RemainingLife.Schedule s = new RemainingLife(rul, lower, upper).schedule(asOf, usagePerDay, 0);
        return s.predictedFailure().truncatedTo(ChronoUnit.SECONDS) + "," + s.daysUntilMaintenance();
    }
}
