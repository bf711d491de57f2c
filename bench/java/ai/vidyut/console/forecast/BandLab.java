package ai.vidyut.console.forecast;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Development tool for the load band (dev windows only): computes each origin's calibration once and scores several
 * band variants on it. Usage: {@code BandLab DATA_DIR}.
 */
public final class BandLab {

    record Window(String name, LocalDateTime firstDay, int days) {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data").resolve("pjm-east-load/pjme_hourly_2002_2016.csv");
        RegularSeries s = SeriesCsv.read(file).series();
        List<Window> windows = List.of(
                new Window("Nov13", LocalDateTime.of(2013, 11, 3, 0, 0), 28),
                new Window("Feb13", LocalDateTime.of(2013, 2, 1, 0, 0), 28),
                new Window("Dec13", LocalDateTime.of(2013, 12, 4, 0, 0), 28),
                new Window("Dec14", LocalDateTime.of(2014, 12, 4, 0, 0), 28),
                new Window("Jan14", LocalDateTime.of(2014, 1, 1, 0, 0), 31),
                new Window("Jan15", LocalDateTime.of(2015, 1, 1, 0, 0), 31),
                new Window("Feb15", LocalDateTime.of(2015, 2, 1, 0, 0), 28),
                new Window("Jul14", LocalDateTime.of(2014, 7, 1, 0, 0), 31));
        List<BandScale.Variant> variants = variants();
        ForecastOptions opts = ForecastOptions.defaults().withCalendar(HolidayCalendar.unitedStates())
                .withCalibrationOrigins(Integer.parseInt(System.getProperty("cal", "56")));
        System.out.println("calibration origins " + opts.calibrationOrigins());
        Forecaster f = new Forecaster(opts);
        int hz = 24;
        double[][] cov = new double[variants.size()][windows.size()];
        double[][] wid = new double[variants.size()][windows.size()];
        double[] mape = new double[windows.size()];
        long[] nanos = new long[variants.size()];
        int calls = 0;
        for (int wi = 0; wi < windows.size(); wi++) {
            Window w = windows.get(wi);
            int[] inside = new int[variants.size()];
            double[] width = new double[variants.size()];
            int pts = 0;
            double ape = 0;
            for (int d = 0; d < w.days(); d++) {
                int o = (int) Duration.between(s.start(), w.firstDay().plusDays(d).minusHours(1)).toHours();
                Forecaster.Prepared prep = f.prepare(s.head(o + 1), hz, false);
                calls++;
                for (int h = 0; h < hz; h++) {
                    if (!s.observed(o + 1 + h)) {
                        continue;
                    }
                    double a = s.value(o + 1 + h);
                    ape += Math.abs((a - prep.pred[h]) / a);
                    pts++;
                }
                for (int vi = 0; vi < variants.size(); vi++) {
                    long t0 = System.nanoTime();
                    BandScale.Band b = BandScale.band(variants.get(vi), prep.cal, prep.pred);
                    nanos[vi] += System.nanoTime() - t0;
                    for (int h = 0; h < hz; h++) {
                        if (!s.observed(o + 1 + h)) {
                            continue;
                        }
                        double a = s.value(o + 1 + h);
                        double lo = Math.min(b.lower()[h], prep.pred[h]);
                        double hi = Math.max(b.upper()[h], prep.pred[h]);
                        if (a >= lo && a <= hi) {
                            inside[vi]++;
                        }
                        width[vi] += hi - lo;
                    }
                }
            }
            mape[wi] = 100 * ape / pts;
            for (int vi = 0; vi < variants.size(); vi++) {
                cov[vi][wi] = 100.0 * inside[vi] / pts;
                wid[vi][wi] = width[vi] / pts;
            }
            System.err.println("done " + w.name());
        }
        StringBuilder hdr = new StringBuilder(String.format(Locale.ROOT, "%-72s", "variant"));
        for (Window w : windows) {
            hdr.append(String.format(Locale.ROOT, " %12s", w.name()));
        }
        hdr.append("   meanCov  |cov-95| minCov  meanWidth  ms/band");
        System.out.println(hdr);
        StringBuilder mp = new StringBuilder(String.format(Locale.ROOT, "%-72s", "MAPE"));
        for (double v : mape) {
            mp.append(String.format(Locale.ROOT, " %12.2f", v));
        }
        System.out.println(mp);
        for (int vi = 0; vi < variants.size(); vi++) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-72s", variants.get(vi).name()));
            double mc = 0;
            double dev = 0;
            double min = 100;
            double mw = 0;
            for (int wi = 0; wi < windows.size(); wi++) {
                sb.append(String.format(Locale.ROOT, " %5.1f/%6.0f", cov[vi][wi], wid[vi][wi]));
                mc += cov[vi][wi];
                dev += Math.abs(cov[vi][wi] - 95);
                min = Math.min(min, cov[vi][wi]);
                mw += wid[vi][wi];
            }
            int nw = windows.size();
            sb.append(String.format(Locale.ROOT, "   %5.2f  %5.2f  %5.1f  %6.0f  %6.2f", mc / nw, dev / nw, min, mw / nw,
                    nanos[vi] / 1e6 / calls));
            System.out.println(sb);
        }
    }

    /** The variants compared; the sweep of the development session is in bench/results/forecast.md. */
    static List<BandScale.Variant> variants() {
        List<BandScale.Variant> v = new ArrayList<>();
        v.add(BandScale.PLAIN);
        v.add(BandScale.LEGACY);
        v.add(BandScale.DEFAULT);
        int[] f = BandScale.DEFAULT.features();
        v.add(new BandScale.Variant("same, without relative errors", false, f, 0.1, Forecaster.ACI_GAMMA, 2, 0));
        v.add(new BandScale.Variant("same, fixed 5 % level (no ACI)", false, f, 0.1, 0, 2, 1));
        v.add(new BandScale.Variant("same, ridge 0.01", false, f, 0.01, Forecaster.ACI_GAMMA, 2, 1));
        v.add(new BandScale.Variant("same, ridge 0.001", false, f, 0.001, Forecaster.ACI_GAMMA, 2, 1));
        return v;
    }
}
