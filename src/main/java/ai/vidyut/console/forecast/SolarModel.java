package ai.vidyut.console.forecast;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PV output from physics plus what the site's history teaches: clear-sky irradiance on the panel from the sun's
 * position, scaled by coefficients learned by ridge regression, corrected by the recent clearness of the sky (the
 * last day's yield against its clear-sky potential) and by any weather inputs present (cloud cover, humidity,
 * irradiance, ...). The timing of the readings (interval start, middle or end; the zone offset when the timestamps
 * carry none) is learned too, by trying shifts of up to ±90 minutes. Output is zero while the sun is down and never
 * above the capacity.
 */
final class SolarModel {

    private static final int[] SHIFTS_MIN = {-90, -60, -30, 0, 30, 60, 90};

    private final RegularSeries s;
    private final SolarSite site;
    private final long utcOffsetSec;
    private final int p;
    private final List<String> regressors = new ArrayList<>();
    private double[] regMean;
    private double[] regStd;
    private int shiftMin;
    private double[] ghi;
    private double[] poa;
    private double[] beta;
    private int nBase;
    private double meanClearness = 0.5;

    private SolarModel(RegularSeries s, SolarSite site, ZoneOffset offset, boolean useRegressors) {
        this.s = s;
        this.site = site;
        this.utcOffsetSec = offset != null ? offset.getTotalSeconds() : site.solarUtcOffsetHours() * 3600L;
        this.p = s.stepsPerDay();
        if (useRegressors) {
            regressors.addAll(s.regressors().keySet());
        }
    }

    static SolarModel fit(RegularSeries s, int end, SolarSite site, ZoneOffset offset, boolean useRegressors,
                          int maxHistoryDays) {
        SolarModel m = new SolarModel(s, site, offset, useRegressors);
        int i0 = Math.max(0, end - (int) (maxHistoryDays * 86_400L / s.step().getSeconds()));
        m.train(i0, end);
        return m;
    }

    private record IrradianceKey(double lat, double lon, long startUtc, long step, int shift) {
    }

    /** Clear-sky curves are pure functions of place and time: shared by every fit on the same grid. */
    private static final java.util.Map<IrradianceKey, double[][]> CACHE =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<IrradianceKey, double[][]> e) {
                    return size() > 64;
                }
            });

    private double[][] irradiance(int shift, int n) {
        long start = s.start().toEpochSecond(ZoneOffset.UTC) - utcOffsetSec;
        long step = s.step().getSeconds();
        IrradianceKey key = new IrradianceKey(site.latitude(), site.longitude(), start, step, shift);
        double[][] cached = CACHE.get(key);
        if (cached != null && cached[0].length >= n) {
            return cached;
        }
        int size = Math.max(n, cached == null ? 0 : cached[0].length + 24 * 14);
        double[] g = new double[size];
        double[] q = new double[size];
        int from = 0;
        if (cached != null) {
            from = cached[0].length;
            System.arraycopy(cached[0], 0, g, 0, from);
            System.arraycopy(cached[1], 0, q, 0, from);
        }
        int sub = 4;
        for (int i = from; i < size; i++) {
            double gs = 0;
            double qs = 0;
            for (int k = 0; k < sub; k++) {
                long t = start + i * step + shift * 60L + Math.round(step * ((k + 0.5) / sub - 0.5));
                SolarGeometry.Irradiance ir = SolarGeometry.clearSky(site.latitude(), site.longitude(), t);
                gs += ir.ghi();
                qs += ir.poa();
            }
            g[i] = gs / sub / 1000;
            q[i] = qs / sub / 1000;
        }
        double[][] out = {g, q};
        CACHE.put(key, out);
        return out;
    }

    private void ensureIrradiance(int n) {
        if (ghi == null || ghi.length < n) {
            double[][] ir = irradiance(shiftMin, n);
            ghi = ir[0];
            poa = ir[1];
        }
    }

    /** Share of its clear-sky potential the site yielded over the day ending at {@code origin}. */
    double clearness(int origin) {
        double y = 0;
        double pot = 0;
        for (int i = Math.max(0, origin - p + 1); i <= origin; i++) {
            y += s.value(i);
            pot += poa[i] * site.capacityKw();
        }
        return pot > 1e-9 ? Math.min(1.5, y / pot) : meanClearness;
    }

    /**
     * Features of target index i; {@code k} is the recent clearness, {@code sameHourBefore} the output at the same
     * time on the latest day known (persistence, which carries the site's own quirks such as shading).
     */
    private int features(int i, double k, double sameHourBefore, double[] row) {
        int c = 0;
        row[c++] = poa[i];
        row[c++] = ghi[i];
        row[c++] = poa[i] * k;
        row[c++] = ghi[i] * k;
        row[c++] = sameHourBefore / site.capacityKw();
        for (int r = 0; r < regressors.size(); r++) {
            double[] x = s.regressors().get(regressors.get(r));
            if (i >= x.length || Double.isNaN(x[i])) {
                throw new IllegalArgumentException("regressor '" + regressors.get(r) + "' has no value at "
                        + s.time(i) + " (give future values with --future-regressors)");
            }
            double z = (x[i] - regMean[r]) / regStd[r];
            row[c++] = poa[i] * z;
            row[c++] = poa[i] * z * z;
            row[c++] = ghi[i] * z;
        }
        return c;
    }

    private void train(int i0, int end) {
        // 1. timing: the shift whose clear-sky curve explains the output best
        double bestSse = Double.POSITIVE_INFINITY;
        for (int shift : SHIFTS_MIN) {
            double[][] ir = irradiance(shift, end);
            double sqq = 0;
            double sqy = 0;
            double syy = 0;
            for (int i = i0; i < end; i++) {
                if (s.observed(i)) {
                    sqq += ir[1][i] * ir[1][i];
                    sqy += ir[1][i] * s.value(i);
                    syy += s.value(i) * s.value(i);
                }
            }
            double sse = sqq > 0 ? syy - sqy * sqy / sqq : syy;
            if (sse < bestSse) {
                bestSse = sse;
                shiftMin = shift;
            }
        }
        ghi = null;
        ensureIrradiance(end);
        // 2. standardise weather inputs
        RegressorScaling scaling = RegressorScaling.fit(s, regressors, i0, end);
        regMean = scaling.mean();
        regStd = scaling.std();
        // 3. long-run clearness, the fallback when the last day had no sun (polar night, outage)
        double y = 0;
        double pot = 0;
        for (int i = i0; i < end; i++) {
            y += s.value(i);
            pot += poa[i] * site.capacityKw();
        }
        meanClearness = pot > 0 ? y / pot : 0.5;
        // 4. daytime regression; the clearness feature uses the day ending one day before the target
        int cols = 5 + 3 * regressors.size();
        nBase = 2;
        List<Integer> rows = new ArrayList<>();
        for (int i = Math.max(i0, p * 2); i < end; i++) {
            if (s.observed(i) && ghi[i] > 0) {
                rows.add(i);
            }
        }
        if (rows.size() < 3 * cols) {
            throw new IllegalArgumentException("too little daytime history to learn the PV model: " + rows.size()
                    + " daytime points");
        }
        Ridge.Design x = new Ridge.Design(rows.size(), cols);
        double[] yv = new double[rows.size()];
        double[] row = new double[cols];
        for (int k = 0; k < rows.size(); k++) {
            int i = rows.get(k);
            features(i, clearness(i - p), s.value(i - p), row);
            x.setRow(k, row);
            yv[k] = s.value(i) / site.capacityKw();
        }
        double[] pen = new double[cols];
        java.util.Arrays.fill(pen, 1e-3 * rows.size() * 1e-3);
        beta = Ridge.solve(x, yv, pen);
    }

    /** Forecasts for {@code origin + 1 .. origin + horizon} with components clear sky and weather. */
    Map<String, double[]> predict(int origin, int horizon) {
        ensureIrradiance(origin + horizon + 1);
        double k = clearness(origin);
        double[] pred = new double[horizon];
        double[] clear = new double[horizon];
        double[] weather = new double[horizon];
        double[] row = new double[5 + 3 * regressors.size()];
        for (int h = 1; h <= horizon; h++) {
            int i = origin + h;
            if (ghi[i] <= 0) {
                continue;
            }
            int daysBack = (h + p - 1) / p;
            int c = features(i, k, s.value(i - daysBack * p), row);
            double base = 0;
            double all = 0;
            for (int j = 0; j < c; j++) {
                all += row[j] * beta[j];
                if (j < nBase) {
                    base += row[j] * beta[j];
                }
            }
            double cap = site.capacityKw();
            pred[h - 1] = Math.max(0, Math.min(cap, all * cap));
            clear[h - 1] = Math.max(0, base * cap);
            weather[h - 1] = pred[h - 1] - clear[h - 1];
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put("predicted", pred);
        out.put("clearSky", clear);
        out.put(DecomposableModel.WEATHER, weather);
        return out;
    }

    /** The scale of possible error at index i: the site's clear-sky output (zero at night). */
    double errorScale(int i) {
        ensureIrradiance(i + 1);
        return poa[i] <= 0 ? 0 : Math.max(poa[i], 0.02) * site.capacityKw();
    }

    Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("latitude", site.latitude());
        d.put("longitude", site.longitude());
        d.put("capacityKw", site.capacityKw());
        d.put("utcOffsetHours", utcOffsetSec / 3600.0);
        d.put("timingShiftMinutes", shiftMin);
        d.put("weatherInputs", regressors);
        d.put("meanClearness", meanClearness);
        return d;
    }
}
