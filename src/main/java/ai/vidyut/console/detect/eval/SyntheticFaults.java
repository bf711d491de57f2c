package ai.vidyut.console.detect.eval;

import ai.vidyut.console.detect.AnomalyType;
import ai.vidyut.console.detect.SeriesTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Labelled synthetic telemetry of an inverter at one-minute resolution: {@code power_kw} with a daily load shape and
 * autocorrelated noise, and {@code temperature_c} that follows power. One fault of a chosen type is injected after
 * the learning part (or none, for clean runs). Deterministic for a seed.
 */
public final class SyntheticFaults {

    public static final long START = 1_767_225_600_000L; // 2026-01-01T00:00Z
    public static final long STEP_MS = 60_000;

    private SyntheticFaults() {
    }

    /** The fault types the generator can inject (null = a clean run). */
    public static final AnomalyType[] TYPES = {AnomalyType.SPIKE, AnomalyType.POWER_DROP, AnomalyType.STUCK_SENSOR,
            AnomalyType.DRIFT, AnomalyType.LEVEL_SHIFT, AnomalyType.OVERHEATING};

    public static LabelledRun run(AnomalyType fault, long seed, int days) {
        Random r = new Random(seed * 7919 + (fault == null ? 0 : fault.ordinal() + 1));
        int n = days * 1440;
        double[] power = new double[n];
        double[] temp = new double[n];
        long[] ts = new long[n];
        double noise = 0;
        double tnoise = 0;
        double base = 80 + 40 * r.nextDouble();
        double amp = 0.3 + 0.2 * r.nextDouble();
        for (int i = 0; i < n; i++) {
            ts[i] = START + i * STEP_MS + (r.nextInt(5) - 2) * 1000L; // slightly irregular
            double hour = (i % 1440) / 60.0;
            double shape = 1 + amp * Math.sin((hour - 9) / 24 * 2 * Math.PI) + 0.15 * Math.exp(-Math.pow(hour - 19, 2) / 2);
            noise = 0.8 * noise + r.nextGaussian() * 0.02 * base;
            tnoise = 0.95 * tnoise + r.nextGaussian() * 0.15;
            power[i] = base * shape + noise;
            temp[i] = 30 + 0.12 * power[i] + tnoise;
        }
        boolean[] labels = new boolean[n];
        int learn = 1440;
        if (fault != null) {
            int start = learn + 600 + r.nextInt(n - learn - 1400);
            int len = inject(fault, power, temp, start, base, 1, r);
            for (int i = start; i < start + len; i++) {
                labels[i] = true;
            }
        }
        SeriesTable t = fault == AnomalyType.OVERHEATING
                ? SeriesTable.of(ts, List.of("temperature_c", "power_kw"), temp, power)
                : SeriesTable.of(ts, List.of("power_kw", "temperature_c"), power, temp);
        String name = (fault == null ? "clean" : fault.wireName()) + "-" + seed;
        return new LabelledRun(name, t, labels, learn);
    }

    /**
     * Injects one fault into a series, as {@link #run} does: {@code power} takes spikes, drops, stuck values, drifts
     * and level shifts, {@code temp} takes overheating (pass the same array twice for a univariate series). Durations
     * are drawn in minutes (spike 1–2, drop 30–120, stuck 60–200, drift 300–500, level shift 100–300, overheating
     * 120–240) and converted to rows with {@code minutesPerRow}; magnitudes are relative to {@code base}, the
     * series' typical level. Returns the number of rows affected (clipped at the end of the arrays).
     */
    public static int inject(AnomalyType fault, double[] power, double[] temp, int start, double base,
                             double minutesPerRow, Random r) {
        int len;
        switch (fault) {
            case SPIKE -> {
                len = rows(1 + r.nextInt(2), minutesPerRow, start, power.length);
                for (int i = start; i < start + len; i++) {
                    power[i] *= 1.6 + 0.4 * r.nextDouble();
                }
            }
            case POWER_DROP -> {
                len = rows(30 + r.nextInt(90), minutesPerRow, start, power.length);
                double f = 0.2 + 0.2 * r.nextDouble();
                for (int i = start; i < start + len; i++) {
                    power[i] *= f;
                }
            }
            case STUCK_SENSOR -> {
                len = rows(60 + r.nextInt(140), minutesPerRow, start, power.length);
                for (int i = start; i < start + len; i++) {
                    power[i] = power[start - 1];
                }
            }
            case DRIFT -> {
                len = rows(300 + r.nextInt(200), minutesPerRow, start, power.length);
                for (int i = start; i < start + len; i++) {
                    power[i] += 0.35 * base * (i - start) / len;
                }
            }
            case LEVEL_SHIFT -> {
                len = rows(100 + r.nextInt(200), minutesPerRow, start, power.length);
                for (int i = start; i < start + len; i++) {
                    power[i] += 0.25 * base;
                }
            }
            case OVERHEATING -> {
                len = rows(120 + r.nextInt(120), minutesPerRow, start, temp.length);
                for (int i = start; i < start + len; i++) {
                    temp[i] += Math.min(15, 15.0 * ((i - start) * minutesPerRow) / 30);
                }
            }
            default -> throw new IllegalArgumentException("cannot inject " + fault);
        }
        return len;
    }

    private static int rows(int minutes, double minutesPerRow, int start, int length) {
        int n = (int) Math.max(1, Math.round(minutes / minutesPerRow));
        return Math.max(0, Math.min(n, length - start));
    }

    /** {@code perType} runs of every fault type plus {@code clean} clean runs, seeds from {@code seed}. */
    public static List<LabelledRun> suite(long seed, int perType, int clean, int days) {
        List<LabelledRun> runs = new ArrayList<>();
        for (int k = 0; k < perType; k++) {
            for (AnomalyType t : TYPES) {
                runs.add(run(t, seed + k, days));
            }
        }
        for (int k = 0; k < clean; k++) {
            runs.add(run(null, seed + 1000 + k, days));
        }
        return runs;
    }
}
