package ai.vidyut.console.maintain;

import ai.vidyut.console.telemetry.MetricCatalog;

import java.util.Arrays;
import java.util.List;

/**
 * When an asset was running, read from its load signal (power, else current, else flow): a sample is "running" when
 * its magnitude exceeds an idle level ({@value #IDLE_SHARE} of the window's 95th percentile). Gives the asset's usage
 * rate in running hours per day and a running-time axis (cumulative running hours) so that a degradation trend can be
 * fitted against use rather than calendar time.
 * <p>
 * Each sample's state holds until the next sample; a gap longer than {@value #MAX_GAP_FACTOR} × the median spacing
 * counts as unobserved (neither running nor idle), so an outage of the feed does not read as a stopped machine.
 */
public final class RunningClock {

    /** Load metrics tried in this order. */
    public static final List<String> LOAD_METRICS = List.of(MetricCatalog.POWER_KW, MetricCatalog.CURRENT_A,
            MetricCatalog.FLOW_M3_H);
    static final double IDLE_SHARE = 0.1;
    static final int MAX_GAP_FACTOR = 4;

    private final String metric;
    private final long[] ts;
    private final boolean[] running;
    private final double[] cumulativeHours;
    private final long maxGap;
    private final double idleLevel;
    private final double hoursPerDay;

    private RunningClock(String metric, long[] ts, boolean[] running, double[] cumulativeHours, long maxGap,
                         double idleLevel, double hoursPerDay) {
        this.metric = metric;
        this.ts = ts;
        this.running = running;
        this.cumulativeHours = cumulativeHours;
        this.maxGap = maxGap;
        this.idleLevel = idleLevel;
        this.hoursPerDay = hoursPerDay;
    }

    /**
     * A clock from a load series (timestamps ascending), or null when it cannot tell running from idle: fewer than
     * two samples, or never above the idle level.
     */
    public static RunningClock of(String metric, long[] ts, double[] load) {
        int n = ts.length;
        if (n < 2) {
            return null;
        }
        double[] mag = new double[n];
        for (int i = 0; i < n; i++) {
            mag[i] = Double.isNaN(load[i]) ? 0 : Math.abs(load[i]);
        }
        double[] sorted = mag.clone();
        Arrays.sort(sorted);
        double p95 = sorted[(int) Math.floor(0.95 * (n - 1))];
        if (!(p95 > 0)) {
            return null;
        }
        double idle = IDLE_SHARE * p95;
        long[] gaps = new long[n - 1];
        for (int i = 1; i < n; i++) {
            gaps[i - 1] = ts[i] - ts[i - 1];
        }
        long[] g = gaps.clone();
        Arrays.sort(g);
        long maxGap = Math.max(1, MAX_GAP_FACTOR * g[g.length / 2]);
        boolean[] run = new boolean[n];
        double[] cum = new double[n];
        double observed = 0;
        for (int i = 0; i < n; i++) {
            run[i] = mag[i] > idle;
            if (i > 0) {
                long dt = Math.min(gaps[i - 1], maxGap);
                observed += dt;
                cum[i] = cum[i - 1] + (run[i - 1] ? dt / 3_600_000.0 : 0);
            }
        }
        if (observed <= 0 || cum[n - 1] <= 0) {
            return null;
        }
        double hoursPerDay = 24 * cum[n - 1] * 3_600_000.0 / observed;
        return new RunningClock(metric, ts, run, cum, maxGap, idle, hoursPerDay);
    }

    /** Running hours per day over the observed part of the window (0–24). */
    public double hoursPerDay() {
        return hoursPerDay;
    }

    public String metric() {
        return metric;
    }

    public double idleLevel() {
        return idleLevel;
    }

    /** Cumulative running hours from the first load sample to {@code t} (0 before it). */
    public double runningHoursAt(long t) {
        int i = indexAtOrBefore(t);
        if (i < 0) {
            return 0;
        }
        double extra = running[i] ? Math.min(t - ts[i], maxGap) / 3_600_000.0 : 0;
        return cumulativeHours[i] + extra;
    }

    /** Whether the asset was running at {@code t} (the state of the last load sample at or before it). */
    public boolean isRunning(long t) {
        int i = indexAtOrBefore(t);
        return running[Math.max(0, i)];
    }

    private int indexAtOrBefore(long t) {
        int i = Arrays.binarySearch(ts, t);
        return i >= 0 ? i : -i - 2;
    }
}
