package ai.vidyut.console.bench.forecast;

import ai.vidyut.console.forecast.Accuracy;
import ai.vidyut.console.forecast.Backtester;
import ai.vidyut.console.forecast.DecomposableModel;
import ai.vidyut.console.forecast.ForecastOptions;
import ai.vidyut.console.forecast.HolidayCalendar;
import ai.vidyut.console.forecast.RegularSeries;
import ai.vidyut.console.forecast.SeriesCsv;
import ai.vidyut.console.forecast.SolarSite;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * 24-hour-ahead benchmark on the shared datasets: one origin per day (23:00, forecasting the next calendar day),
 * each model given only the data before its origin. Load (PJM East): the console's forecaster against seasonal
 * naive and Holt-Winters; PV (Newcastle): the solar model against persistence.
 * <p>
 * Windows: {@code score} — the last 4 weeks of each dataset and a winter month chosen before looking at results
 * (PJM: January 2016, the last full January; PV: the data's last 4 weeks are already the austral winter, so the
 * second PV window is January 2011, mid-summer). {@code dev} — other periods (PJM: November and February 2013, the
 * 4 weeks to 31 December 2013 and 2014 for holiday weeks and cold snaps, January 2014 and 2015, February 2015 and
 * July 2014; PV: October 2010), the only ones used while developing the models.
 * <p>
 * Usage: {@code ForecastBench DATA_DIR [score|dev] [all|load|pv]}.
 */
public final class ForecastBench {

    private static final int H = 24;
    /** Process CPU time (all threads: the forecaster fits in parallel on two cores), in nanoseconds. */
    private static final class CPU {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

        static long getCurrentThreadCpuTime() {
            return OS.getProcessCpuTime();
        }
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        boolean dev = args.length > 1 && args[1].equals("dev");
        System.out.printf(Locale.ROOT, "# Forecast benchmark (%s windows), %d cores, %s%n%n", dev ? "dev" : "scored",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        String only = args.length > 2 ? args[2] : "all";
        if (!only.equals("pv")) {
            load(data.resolve("pjm-east-load/pjme_hourly_2002_2016.csv"), dev);
        }
        if (!only.equals("load")) {
            pv(data.resolve("pv-newcastle/pv_weather_hourly_2010_2011.csv"), dev);
        }
    }

    /** Origins at 23:00 before each target day in [firstDay, firstDay + days). */
    static int[] dailyOrigins(RegularSeries s, LocalDateTime firstDay, int days) {
        int[] out = new int[days];
        for (int d = 0; d < days; d++) {
            LocalDateTime origin = firstDay.plusDays(d).minusHours(1);
            long idx = java.time.Duration.between(s.start(), origin).toHours();
            out[d] = (int) idx;
        }
        return out;
    }

    record Window(String name, LocalDateTime firstDay, int days) {
    }

    static void load(Path file, boolean dev) throws Exception {
        if (!Files.exists(file)) {
            System.out.println("(PJM data absent: " + file + ")");
            return;
        }
        SeriesCsv.Loaded loaded = SeriesCsv.read(file);
        RegularSeries s = loaded.series();
        System.out.printf(Locale.ROOT, "## Load: PJM East hourly (%d rows, %d DST duplicates merged, %d missing hours "
                + "filled)%n%n", loaded.rows(), loaded.duplicatesMerged(), loaded.missingFilled());
        LocalDateTime end = s.lastTime().plusHours(1).toLocalDate().atStartOfDay();
        List<Window> windows = dev
                ? List.of(new Window("dev: 4 weeks to 2013-11-30", LocalDateTime.of(2013, 11, 3, 0, 0), 28),
                        new Window("dev: February 2013", LocalDateTime.of(2013, 2, 1, 0, 0), 28),
                        new Window("dev: 4 weeks to 2013-12-31", LocalDateTime.of(2013, 12, 4, 0, 0), 28),
                        new Window("dev: 4 weeks to 2014-12-31", LocalDateTime.of(2014, 12, 4, 0, 0), 28),
                        new Window("dev: January 2014", LocalDateTime.of(2014, 1, 1, 0, 0), 31),
                        new Window("dev: January 2015", LocalDateTime.of(2015, 1, 1, 0, 0), 31),
                        new Window("dev: February 2015", LocalDateTime.of(2015, 2, 1, 0, 0), 28),
                        new Window("dev: July 2014", LocalDateTime.of(2014, 7, 1, 0, 0), 31))
                : List.of(new Window("last 4 weeks", end.minusDays(28), 28),
                        new Window("winter month: January 2016", LocalDateTime.of(2016, 1, 1, 0, 0), 31));
        ForecastOptions opts = ForecastOptions.defaults().withCalendar(HolidayCalendar.unitedStates());
        // warm-up (JIT, native BLAS load) on an unscored origin, so that wall times compare like with like
        long tw = System.nanoTime();
        Backtester.runAt(s, H, new int[] {dailyOrigins(s, LocalDateTime.of(2012, 6, 1, 0, 0), 1)[0]}, opts);
        System.out.printf(Locale.ROOT, "(first forecast in this JVM, incl. loading native BLAS: %.2f s)%n%n",
                (System.nanoTime() - tw) / 1e9);
        for (Window w : windows) {
            int[] origins = dailyOrigins(s, w.firstDay(), w.days());
            System.out.printf(Locale.ROOT, "### %s (%d origins, targets %s .. %s)%n%n", w.name(), origins.length,
                    s.time(origins[0] + 1), s.time(origins[origins.length - 1] + H));
            System.out.println("| model | MAPE % | RMSE MW | MAE MW | 95 % coverage | mean band width MW | wall time, all origins |");
            System.out.println("|---|---|---|---|---|---|---|");
            long cpu0 = CPU.getCurrentThreadCpuTime();
            Backtester.Result r = Backtester.runAt(s, H, origins, opts);
            double cpu = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9;
            row("Vidyut forecaster (decomposable + direct, conformal)", r.accuracy(), r.wallSeconds(),
                    String.format(Locale.ROOT, " (process CPU %.2f s)", cpu));
            Backtester.Result rm = Backtester.runAt(s, H, origins, opts.withMode(DecomposableModel.Mode.MULTIPLICATIVE));
            row("Vidyut forecaster, multiplicative", rm.accuracy(), rm.wallSeconds(), "");
            baseline("seasonal naive (same hour yesterday)", s, origins,
                    (o, h) -> Baselines.seasonalNaive(s, o, h, 24));
            baseline("seasonal naive (same hour last week)", s, origins,
                    (o, h) -> Baselines.seasonalNaive(s, o, h, 168));
            baseline("Holt-Winters additive, daily season (8 weeks)", s, origins,
                    (o, h) -> Baselines.holtWinters(s, o, h, 24, 8));
            baseline("Holt-Winters additive, weekly season (8 weeks)", s, origins,
                    (o, h) -> Baselines.holtWinters(s, o, h, 168, 8));
            System.out.println();
            double blend = r.origins().stream().mapToDouble(o -> o.forecast().blendWeight()).average().orElse(0);
            System.out.printf(Locale.ROOT, "mean blend weight of the short-horizon correction: %.2f%n%n", blend);
        }
    }

    static void row(String name, Accuracy a, double seconds, String note) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.0f | %.0f | %.1f %% | %.0f | %.2f s%s |%n", name, a.mape(),
                a.rmse(), a.mae(), a.coverage95(), a.meanBandWidth(), seconds, note);
    }

    static void baseline(String name, RegularSeries s, int[] origins,
                         BiFunction<Integer, Integer, Baselines.Fc> model) {
        Accuracy.Accumulator acc = new Accuracy.Accumulator();
        long t0 = System.nanoTime();
        for (int o : origins) {
            Baselines.Fc f = model.apply(o, H);
            for (int h = 0; h < H; h++) {
                if (s.observed(o + 1 + h)) {
                    acc.add(s.value(o + 1 + h), f.predicted()[h], f.lower()[h], f.upper()[h]);
                }
            }
        }
        row(name, acc.result(), (System.nanoTime() - t0) / 1e9, "");
    }

    /** The PV file as a series: pv_kw plus the chosen weather columns (timestamps are AEST, UTC+10). */
    static RegularSeries pvSeries(Path file, String... weather) throws Exception {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        int[] cols = new int[weather.length];
        for (int i = 0; i < weather.length; i++) {
            cols[i] = List.of(header).indexOf(weather[i]);
        }
        StringBuilder sb = new StringBuilder("timestamp,pv_kw");
        for (String w : weather) {
            sb.append(',').append(w);
        }
        sb.append('\n');
        for (int l = 1; l < lines.size(); l++) {
            String[] f = lines.get(l).split(",", -1);
            sb.append(f[0]).append(',').append(f[1]);
            for (int c : cols) {
                sb.append(',').append(f[c]);
            }
            sb.append('\n');
        }
        return SeriesCsv.read(new BufferedReader(new StringReader(sb.toString())), file.getFileName().toString())
                .series();
    }

    static void pv(Path file, boolean dev) throws Exception {
        if (!Files.exists(file)) {
            System.out.println("(PV data absent: " + file + ")");
            return;
        }
        SolarSite site = new SolarSite(-32.95, 151.72, 82.4);
        RegularSeries plain = pvSeries(file);
        RegularSeries cloud = pvSeries(file, "clouds_all", "humidity", "temp");
        RegularSeries irr = pvSeries(file, "Ghi", "Dni", "Dhi");
        System.out.printf(Locale.ROOT, "## PV: Newcastle NSW, %.1f kWp (%d hourly points)%n%n", site.capacityKw(),
                plain.size());
        LocalDateTime end = plain.lastTime().plusHours(1).toLocalDate().atStartOfDay();
        List<Window> windows = dev
                ? List.of(new Window("dev: October 2010", LocalDateTime.of(2010, 10, 1, 0, 0), 28))
                : List.of(new Window("last 4 weeks (austral winter)", end.minusDays(28), 28),
                        new Window("January 2011 (austral summer)", LocalDateTime.of(2011, 1, 1, 0, 0), 31));
        ForecastOptions opts = ForecastOptions.defaults().withSolar(site, ZoneOffset.ofHours(10));
        for (Window w : windows) {
            int[] origins = dailyOrigins(plain, w.firstDay(), w.days());
            System.out.printf(Locale.ROOT, "### %s (%d origins, targets %s .. %s)%n%n", w.name(), origins.length,
                    plain.time(origins[0] + 1), plain.time(origins[origins.length - 1] + H));
            System.out.println("| model | MAE % of capacity (24 h) | MAE % of capacity (daylight) | RMSE kW | 95 % coverage (daylight) | mean band width kW (daylight) | wall time |");
            System.out.println("|---|---|---|---|---|---|---|");
            pvRow("solar model, no weather inputs (clear sky × recent clearness)", plain, origins, opts, site);
            pvRow("solar model + observed clouds/humidity/temp as if forecast", cloud, origins, opts, site);
            pvRow("solar model + observed GHI/DNI/DHI as if forecast", irr, origins, opts, site);
            Accuracy.Accumulator all = new Accuracy.Accumulator();
            Accuracy.Accumulator day = new Accuracy.Accumulator();
            long t0 = System.nanoTime();
            for (int o : origins) {
                Baselines.Fc f = Baselines.persistence(plain, o, H, site.capacityKw());
                for (int h = 0; h < H; h++) {
                    add(plain, o, h, f.predicted()[h], f.lower()[h], f.upper()[h], all, day);
                }
            }
            pvPrint("persistence (same hour yesterday)", all.result(), day.result(), site,
                    (System.nanoTime() - t0) / 1e9);
            System.out.println();
        }
    }

    private static void add(RegularSeries s, int o, int h, double p, double lo, double hi, Accuracy.Accumulator all,
                            Accuracy.Accumulator day) {
        double actual = s.value(o + 1 + h);
        if (!s.observed(o + 1 + h)) {
            return;
        }
        all.add(actual, p, lo, hi);
        if (actual > 0 || p > 0) {
            day.add(actual, p, lo, hi);
        }
    }

    static void pvRow(String name, RegularSeries s, int[] origins, ForecastOptions opts, SolarSite site) {
        long cpu0 = CPU.getCurrentThreadCpuTime();
        Backtester.Result r = Backtester.runAt(s, H, origins, opts);
        double cpu = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9;
        Accuracy.Accumulator all = new Accuracy.Accumulator();
        Accuracy.Accumulator day = new Accuracy.Accumulator();
        for (Backtester.OriginResult o : r.origins()) {
            for (int h = 0; h < H; h++) {
                add(s, o.origin(), h, o.forecast().predicted()[h], o.forecast().lower95()[h],
                        o.forecast().upper95()[h], all, day);
            }
        }
        pvPrint(name + String.format(Locale.ROOT, " (process CPU %.2f s)", cpu), all.result(), day.result(), site,
                r.wallSeconds());
    }

    static void pvPrint(String name, Accuracy all, Accuracy day, SolarSite site, double seconds) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.1f %% | %.1f | %.2f s |%n", name,
                100 * all.mae() / site.capacityKw(), 100 * day.mae() / site.capacityKw(), all.rmse(),
                day.coverage95(), day.meanBandWidth(), seconds);
    }
}
