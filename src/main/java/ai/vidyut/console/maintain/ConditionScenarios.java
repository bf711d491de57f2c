package ai.vidyut.console.maintain;

import ai.vidyut.console.telemetry.AssetKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic, labelled condition histories for training the live health classifier before a site has labelled
 * failures of its own: an asset among peers of its kind, a week of load-driven temperature, vibration and current
 * at 5-minute resolution, and — from a random onset — a slow degradation, a rising-vibration fault with bearing
 * impacts, or an overheating fault. Each history is reduced to features with the same {@link ConditionAnalyzer} the
 * live service uses, so training and serving see identical feature definitions.
 */
public final class ConditionScenarios {

    static final long STEP_MILLIS = 5 * 60_000L;
    static final int DAYS = 7;
    static final int BUCKETS = 336;
    static final int RECENT_RAW = 288;
    private static final AssetKind[] KINDS = {AssetKind.INVERTER, AssetKind.TRANSFORMER, AssetKind.PUMP,
            AssetKind.HVAC, AssetKind.GENERATOR};

    private ConditionScenarios() {
    }

    /** One generated history: per-signal raw series, the peers' recent levels and the label. */
    public record Scenario(String label, AssetKind kind, Map<ConditionSignal, ConditionAnalyzer.Series> raw,
                           Map<ConditionSignal, double[]> peerLevels) {
    }

    public static List<String> featureColumns() {
        List<String> cols = new ArrayList<>();
        for (ConditionSignal s : ConditionSignal.values()) {
            cols.addAll(s.featureNames());
        }
        return cols;
    }

    /** A labelled feature table with {@code perClass} rows of every health state. */
    public static Table trainingTable(int perClass, long seed) {
        Random rnd = new Random(seed);
        List<String> cols = new ArrayList<>(featureColumns());
        cols.add("state");
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            for (String state : HealthStates.ALL) {
                Scenario s = generate(state, rnd);
                Map<String, Double> f = features(s);
                String[] row = new String[cols.size()];
                for (int j = 0; j < cols.size() - 1; j++) {
                    Double v = f.get(cols.get(j));
                    row[j] = v == null || v.isNaN() ? "" : Double.toString(v);
                }
                row[cols.size() - 1] = state;
                rows.add(row);
            }
        }
        return Table.of(cols, rows);
    }

    public static Map<String, Double> features(Scenario s) {
        Map<String, Double> f = new LinkedHashMap<>();
        for (Map.Entry<ConditionSignal, ConditionAnalyzer.Series> e : s.raw().entrySet()) {
            ConditionSignal sig = e.getKey();
            ConditionAnalyzer.Series raw = e.getValue();
            ConditionAnalyzer.Series trend = ConditionAnalyzer.bucketMeans(raw.ts(), raw.values(), BUCKETS);
            int n = raw.size();
            double[] recent = java.util.Arrays.copyOfRange(raw.values(), Math.max(0, n - RECENT_RAW), n);
            SignalCondition c = ConditionAnalyzer.analyze(sig, trend.ts(), trend.values(), recent,
                    s.peerLevels().get(sig), sig.threshold(s.kind(), Map.of()));
            f.putAll(c.features());
        }
        return f;
    }

    public static Scenario generate(String state, Random rnd) {
        AssetKind kind = KINDS[rnd.nextInt(KINDS.length)];
        int n = DAYS * 24 * 12;
        long start = 1_700_000_000_000L;
        double onset = n * (0.3 + 0.45 * rnd.nextDouble());
        double phase = rnd.nextDouble() * 2 * Math.PI;
        double t0 = 25 + 30 * rnd.nextDouble();
        double tGain = 5 + 15 * rnd.nextDouble();
        double tNoise = 0.3 + 1.2 * rnd.nextDouble();
        double v0 = 0.8 + 2.2 * rnd.nextDouble();
        double vNoise = v0 * (0.03 + 0.07 * rnd.nextDouble());
        double i0 = 50 + 350 * rnd.nextDouble();
        boolean vibrationSignal = rnd.nextDouble() < 0.85 || state.equals(HealthStates.VIBRATION_FAULT);
        boolean currentSignal = rnd.nextDouble() < 0.6;
        boolean degradeVibration = rnd.nextBoolean();
        if (state.equals(HealthStates.DEGRADING) && !vibrationSignal) {
            degradeVibration = false;
        }
        double vibRise = 0;
        double vibPower = 1;
        double tempRise = 0;
        double impulseRate = 0;
        switch (state) {
            case HealthStates.DEGRADING -> {
                if (degradeVibration) {
                    vibRise = 0.15 + 0.4 * rnd.nextDouble();
                } else {
                    tempRise = 2 + 5 * rnd.nextDouble();
                }
            }
            case HealthStates.VIBRATION_FAULT -> {
                vibRise = 1.0 + 2.5 * rnd.nextDouble();
                vibPower = 1 + rnd.nextDouble();
                impulseRate = rnd.nextDouble() < 0.6 ? 0.01 + 0.05 * rnd.nextDouble() : 0;
                tempRise = 3 * rnd.nextDouble();
            }
            case HealthStates.OVERHEATING -> tempRise = 10 + 20 * rnd.nextDouble();
            default -> { }
        }
        long[] ts = new long[n];
        double[] temp = new double[n];
        double[] vib = new double[n];
        double[] cur = new double[n];
        double[] tempHealthy = new double[n];
        double[] vibHealthy = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = start + i * STEP_MILLIS;
            double day = i / 288.0;
            double load = Math.max(0.05, 0.55 + 0.4 * Math.sin(2 * Math.PI * day + phase) + 0.05 * rnd.nextGaussian());
            double f = i < onset ? 0 : (i - onset) / (n - onset);
            tempHealthy[i] = t0 + tGain * load;
            vibHealthy[i] = v0 * (0.9 + 0.2 * load);
            temp[i] = t0 + tGain * load + tempRise * f + tNoise * rnd.nextGaussian();
            double vib1 = v0 * (0.9 + 0.2 * load) * (1 + vibRise * Math.pow(f, vibPower)) + vNoise * rnd.nextGaussian();
            if (f > 0 && rnd.nextDouble() < impulseRate) {
                vib1 += Math.abs(rnd.nextGaussian()) * 4 * vNoise * (1 + 3 * f);
            }
            vib[i] = Math.max(0, vib1);
            cur[i] = i0 * load * (1 + 0.02 * rnd.nextGaussian());
        }
        Map<ConditionSignal, ConditionAnalyzer.Series> raw = new LinkedHashMap<>();
        Map<ConditionSignal, double[]> peers = new LinkedHashMap<>();
        int peerCount = rnd.nextDouble() < 0.2 ? 0 : 2 + rnd.nextInt(4);
        raw.put(ConditionSignal.TEMPERATURE, new ConditionAnalyzer.Series(ts, temp));
        peers.put(ConditionSignal.TEMPERATURE, peerLevels(mean(tempHealthy, n - n / 10, n), 2.0, 0, peerCount, rnd));
        if (vibrationSignal) {
            raw.put(ConditionSignal.VIBRATION, new ConditionAnalyzer.Series(ts, vib));
            peers.put(ConditionSignal.VIBRATION, peerLevels(mean(vibHealthy, n - n / 10, n), 0, 0.08, peerCount, rnd));
        }
        if (currentSignal) {
            raw.put(ConditionSignal.CURRENT, new ConditionAnalyzer.Series(ts, cur));
            peers.put(ConditionSignal.CURRENT, peerLevels(mean(cur, n - n / 10, n), 0, 0.1, peerCount, rnd));
        }
        return new Scenario(state, kind, raw, peers);
    }

    private static double[] peerLevels(double level, double absSpread, double relSpread, int count, Random rnd) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = level + absSpread * rnd.nextGaussian() + relSpread * level * rnd.nextGaussian();
        }
        return out;
    }

    private static double mean(double[] v, int from, int to) {
        return ConditionFeatures.mean(ConditionFeatures.slice(v, from, to));
    }
}
