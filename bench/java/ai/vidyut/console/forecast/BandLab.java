package ai.vidyut.console.forecast;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Development tool for the load band (dev data only, 2013–2015): computes each dev origin's point forecast and
 * calibration once (cached under {@code target/}), then scores several band variants on the same calibrations.
 * Reported: the 8 dev windows of bench/results/forecast.md and every day of 2013–2015 (1,095 origins; by season and
 * the worst 28-day stretch). Usage: {@code BandLab DATA_DIR}.
 */
public final class BandLab {

    private static final int H = 24;
    private static final LocalDate FIRST = LocalDate.of(2013, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2015, 12, 31);

    record Window(String name, LocalDate firstDay, int days) {
    }

    /** One dev origin: its point forecast, calibration and the observed targets. */
    record Origin(LocalDate day, double[] pred, Forecaster.Calibration cal, double[] actual) {
    }

    static final List<Window> WINDOWS = List.of(
            new Window("Nov13", LocalDate.of(2013, 11, 3), 28),
            new Window("Feb13", LocalDate.of(2013, 2, 1), 28),
            new Window("Dec13", LocalDate.of(2013, 12, 4), 28),
            new Window("Dec14", LocalDate.of(2014, 12, 4), 28),
            new Window("Jan14", LocalDate.of(2014, 1, 1), 31),
            new Window("Jan15", LocalDate.of(2015, 1, 1), 31),
            new Window("Feb15", LocalDate.of(2015, 2, 1), 28),
            new Window("Jul14", LocalDate.of(2014, 7, 1), 31));

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data").resolve("pjm-east-load/pjme_hourly_2002_2016.csv");
        int calOrigins = Integer.parseInt(System.getProperty("cal", "56"));
        List<Origin> origins = load(file, calOrigins);
        List<BandScale.Variant> variants = variants();
        System.out.println("calibration origins " + calOrigins + ", dev origins " + origins.size());
        StringBuilder hdr = new StringBuilder(String.format(Locale.ROOT, "%-64s", "variant"));
        for (Window w : WINDOWS) {
            hdr.append(String.format(Locale.ROOT, " %12s", w.name()));
        }
        hdr.append(" | win: mean |d95|  min  width | all 2013-15: cov  DJF  MAM  JJA  SON  worst28  width | ms");
        System.out.println(hdr);
        for (BandScale.Variant v : variants) {
            System.out.println(score(v, origins));
        }
        if (Boolean.getBoolean("byHorizon")) {
            for (BandScale.Variant v : variants) {
                System.out.println(byHorizon(v, origins));
            }
        }
    }

    /** Coverage by horizon (hour ahead) on the dev windows' days and on all days. */
    private static String byHorizon(BandScale.Variant v, List<Origin> origins) {
        int[][] in = new int[2][H];
        int[][] pts = new int[2][H];
        for (int i = 0; i < origins.size(); i++) {
            Origin o = origins.get(i);
            boolean inWindow = false;
            for (Window w : WINDOWS) {
                inWindow |= !o.day().isBefore(w.firstDay()) && o.day().isBefore(w.firstDay().plusDays(w.days()));
            }
            BandScale.Band b = BandScale.band(v, o.cal(), o.pred());
            for (int h = 0; h < H; h++) {
                if (Double.isNaN(o.actual()[h])) {
                    continue;
                }
                boolean inside = o.actual()[h] >= Math.min(b.lower()[h], o.pred()[h])
                        && o.actual()[h] <= Math.max(b.upper()[h], o.pred()[h]);
                for (int set = 0; set < 2; set++) {
                    if (set == 1 || inWindow) {
                        in[set][h] += inside ? 1 : 0;
                        pts[set][h]++;
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder(v.name());
        for (int set = 0; set < 2; set++) {
            sb.append(set == 0 ? "\n  windows by hour ahead:" : "\n  all days by hour ahead:");
            for (int h = 0; h < H; h++) {
                sb.append(String.format(Locale.ROOT, " %4.1f", 100.0 * in[set][h] / pts[set][h]));
            }
        }
        return sb.toString();
    }

    private static String score(BandScale.Variant v, List<Origin> origins) {
        int n = origins.size();
        int[] in = new int[n];
        int[] pts = new int[n];
        double[] wid = new double[n];
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Origin o = origins.get(i);
            BandScale.Band b = BandScale.band(v, o.cal(), o.pred());
            for (int h = 0; h < H; h++) {
                if (Double.isNaN(o.actual()[h])) {
                    continue;
                }
                double lo = Math.min(b.lower()[h], o.pred()[h]);
                double hi = Math.max(b.upper()[h], o.pred()[h]);
                in[i] += o.actual()[h] >= lo && o.actual()[h] <= hi ? 1 : 0;
                pts[i]++;
                wid[i] += hi - lo;
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6 / n;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-64s", v.name()));
        double mc = 0;
        double dev = 0;
        double min = 100;
        double mw = 0;
        for (Window w : WINDOWS) {
            int i0 = (int) Duration.between(FIRST.atStartOfDay(), w.firstDay().atStartOfDay()).toDays();
            double[] cw = range(in, pts, wid, i0, i0 + w.days());
            sb.append(String.format(Locale.ROOT, " %5.1f/%6.0f", cw[0], cw[1]));
            mc += cw[0];
            dev += Math.abs(cw[0] - 95);
            min = Math.min(min, cw[0]);
            mw += cw[1];
        }
        int nw = WINDOWS.size();
        sb.append(String.format(Locale.ROOT, " | %5.2f %5.2f %5.1f %6.0f |", mc / nw, dev / nw, min, mw / nw));
        double[] all = range(in, pts, wid, 0, n);
        sb.append(String.format(Locale.ROOT, " %5.2f", all[0]));
        for (int[] months : new int[][] {{12, 1, 2}, {3, 4, 5}, {6, 7, 8}, {9, 10, 11}}) {
            int inside = 0;
            int p = 0;
            for (int i = 0; i < n; i++) {
                int mo = origins.get(i).day().getMonthValue();
                if (mo == months[0] || mo == months[1] || mo == months[2]) {
                    inside += in[i];
                    p += pts[i];
                }
            }
            sb.append(String.format(Locale.ROOT, " %4.1f", 100.0 * inside / p));
        }
        double worst = 100;
        for (int i = 0; i + 28 <= n; i++) {
            worst = Math.min(worst, range(in, pts, wid, i, i + 28)[0]);
        }
        sb.append(String.format(Locale.ROOT, " %6.1f %6.0f | %.2f", worst, all[1], ms));
        return sb.toString();
    }

    private static double[] range(int[] in, int[] pts, double[] wid, int a, int b) {
        int inside = 0;
        int p = 0;
        double w = 0;
        for (int i = a; i < b; i++) {
            inside += in[i];
            p += pts[i];
            w += wid[i];
        }
        return new double[] {100.0 * inside / p, w / p};
    }

    /** The dev origins (23:00 before each day of 2013–2015), from the cache when present. */
    static List<Origin> load(Path file, int calOrigins) throws IOException {
        Path cache = Path.of("target", "bandlab-2013-2015-cal" + calOrigins + ".bin");
        if (Files.exists(cache)) {
            return readCache(cache);
        }
        RegularSeries s = SeriesCsv.read(file).series();
        Forecaster f = new Forecaster(ForecastOptions.defaults().withCalendar(HolidayCalendar.unitedStates())
                .withCalibrationOrigins(calOrigins));
        List<Origin> out = new ArrayList<>();
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            LocalDateTime originTime = d.atStartOfDay().minusHours(1);
            int o = (int) Duration.between(s.start(), originTime).toHours();
            Forecaster.Prepared prep = f.prepare(s.head(o + 1), H, false);
            double[] actual = new double[H];
            for (int h = 0; h < H; h++) {
                actual[h] = s.observed(o + 1 + h) ? s.value(o + 1 + h) : Double.NaN;
            }
            out.add(new Origin(d, prep.pred, prep.cal, actual));
            if (d.getDayOfMonth() == 1) {
                System.err.println("prepared " + d);
            }
        }
        writeCache(cache, out);
        return out;
    }

    private static void writeCache(Path cache, List<Origin> origins) throws IOException {
        Files.createDirectories(cache.getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
            out.writeInt(origins.size());
            for (Origin o : origins) {
                Forecaster.Calibration c = o.cal();
                out.writeLong(o.day().toEpochDay());
                write(out, o.pred());
                write(out, o.actual());
                out.writeInt(c.seasonal());
                out.writeInt(c.origins().length);
                for (int k = 0; k < c.origins().length; k++) {
                    out.writeInt(c.origins()[k]);
                    write(out, c.err()[k]);
                    write(out, c.predicted()[k]);
                    write(out, c.features()[k]);
                }
                write(out, c.weights());
                write(out, c.now());
            }
        }
    }

    private static List<Origin> readCache(Path cache) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
            int n = in.readInt();
            List<Origin> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                LocalDate day = LocalDate.ofEpochDay(in.readLong());
                double[] pred = read(in);
                double[] actual = read(in);
                int seasonal = in.readInt();
                int m = in.readInt();
                int[] origins = new int[m];
                double[][] err = new double[m][];
                double[][] predicted = new double[m][];
                double[][] features = new double[m][];
                for (int k = 0; k < m; k++) {
                    origins[k] = in.readInt();
                    err[k] = read(in);
                    predicted[k] = read(in);
                    features[k] = read(in);
                }
                double[] weights = read(in);
                double[] now = read(in);
                out.add(new Origin(day, pred,
                        new Forecaster.Calibration(err, origins, weights, seasonal, predicted, features, now), actual));
            }
            return out;
        }
    }

    private static void write(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double x : a) {
            out.writeDouble(x);
        }
    }

    private static double[] read(DataInputStream in) throws IOException {
        double[] a = new double[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    /** The variants compared; the sweep of the development sessions is in bench/results/forecast.md. */
    static List<BandScale.Variant> variants() {
        List<BandScale.Variant> v = new ArrayList<>();
        v.add(BandScale.PLAIN);
        v.add(BandScale.LEGACY);
        v.add(BandScale.ROUND3);
        v.add(BandScale.ROUND3.withReplay("round 3, fixed 5 % level (no ACI)", 0, false));
        v.add(BandScale.DEFAULT);
        v.add(BandScale.DEFAULT.withReplay("round 4, ACI gamma 0.05", 0.05, true));
        v.add(BandScale.DEFAULT.withReplay("round 4, ACI gamma 0.2", 0.2, true));
        return v;
    }
}
