package ai.vidyut.console.forecast;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decomposable model in the spirit of Prophet: piecewise-linear trend with changepoints, Fourier daily / weekly /
 * yearly seasonality (with a separate daily shape for days off: weekends and holidays), one effect per holiday of a
 * country calendar, and linear regressors — additive, or multiplicative (fitted on the logarithm). Fitted by ridge
 * regression ({@link Ridge}); changepoint deltas are shrunk hardest so the trend only bends where the data insist.
 */
public final class DecomposableModel {

    public enum Mode { ADDITIVE, MULTIPLICATIVE }

    /** Component names, in the order a forecast reports them. */
    public static final String TREND = "trend";
    public static final String DAILY = "daily";
    public static final String WEEKLY = "weekly";
    public static final String YEARLY = "yearly";
    public static final String HOLIDAYS = "holidays";
    public static final String WEATHER = "weather";

    public record Config(Mode mode, int dailyOrder, int weeklyOrder, int yearlyOrder, int changepoints,
                         double changepointRange, double changepointPenalty, double seasonalityPenalty,
                         double holidayPenalty, double regressorPenalty, int maxHistoryDays,
                         HolidayCalendar calendar, boolean useRegressors) {

        public static Config defaults(HolidayCalendar calendar) {
            return new Config(Mode.ADDITIVE, 10, 4, 10, 25, 0.8, 0.002, 1.0, 5.0, 1.0, 548, calendar, true);
        }

        public Config withMode(Mode m) {
            return new Config(m, dailyOrder, weeklyOrder, yearlyOrder, changepoints, changepointRange,
                    changepointPenalty, seasonalityPenalty, holidayPenalty, regressorPenalty, maxHistoryDays, calendar,
                    useRegressors);
        }

        public Config withRegressors(boolean use) {
            return new Config(mode, dailyOrder, weeklyOrder, yearlyOrder, changepoints, changepointRange,
                    changepointPenalty, seasonalityPenalty, holidayPenalty, regressorPenalty, maxHistoryDays, calendar,
                    use);
        }

        public Config withMaxHistoryDays(int days) {
            return new Config(mode, dailyOrder, weeklyOrder, yearlyOrder, changepoints, changepointRange,
                    changepointPenalty, seasonalityPenalty, holidayPenalty, regressorPenalty, days, calendar,
                    useRegressors);
        }
    }

    private DecomposableModel() {
    }

    /** Fits on the points {@code [max(0, end - maxHistory), end)} of the series. */
    public static Fitted fit(RegularSeries s, int end, Config c) {
        long stepSec = s.step().getSeconds();
        int maxPoints = (int) Math.min(Integer.MAX_VALUE, c.maxHistoryDays() * 86_400L / stepSec);
        int i0 = Math.max(0, end - maxPoints);
        if (end - i0 < 3) {
            throw new IllegalArgumentException("too little history to fit: " + (end - i0) + " points");
        }
        Mode mode = c.mode();
        if (mode == Mode.MULTIPLICATIVE) {
            for (int i = i0; i < end; i++) {
                if (s.value(i) <= 0) {
                    mode = Mode.ADDITIVE; // a log needs positive values; fall back rather than fail
                    break;
                }
            }
        }
        Fitted f = new Fitted(s, i0, end, c, mode);
        f.train();
        return f;
    }

    /** A fitted model; predictions and components for any index range of the series' grid. */
    public static final class Fitted {
        private final RegularSeries s;
        private final int i0;
        private final int end;
        private final Config c;
        private final Mode mode;
        private final CalendarIndex cal;
        private final double spanSteps;
        private final double[] cps;
        private final int kd;
        private final int kdOff;
        private final int kw;
        private final int ky;
        private final List<String> holidayNames = new ArrayList<>();
        private final List<String> regressorNames = new ArrayList<>();
        private final double[] regMean;
        private final double[] regStd;
        private final int cols;
        // column ranges of the groups
        private final int trendEnd;
        private final int dailyEnd;
        private final int weeklyEnd;
        private final int yearlyEnd;
        private final int holidayEnd;
        private double yMean;
        private double yScale = 1;
        private double[] beta;
        private double[] fitted;

        Fitted(RegularSeries s, int i0, int end, Config c, Mode mode) {
            this.s = s;
            this.i0 = i0;
            this.end = end;
            this.c = c;
            this.mode = mode;
            this.cal = new CalendarIndex(s, c.calendar());
            this.spanSteps = Math.max(1, end - 1 - i0);
            int p = s.stepsPerDay();
            double spanDays = (end - i0) / (double) p;
            int k = (int) Math.min(c.changepoints(), Math.floor(spanDays / 14));
            cps = new double[Math.max(0, k)];
            for (int j = 0; j < cps.length; j++) {
                cps[j] = c.changepointRange() * (j + 1) / (cps.length + 1.0);
            }
            kd = p >= 2 && spanDays >= 2 ? Math.min(c.dailyOrder(), p / 2) : 0;
            kw = spanDays >= 14 ? Math.min(c.weeklyOrder(), 3 * p) : 0;
            kdOff = kd > 0 && kw > 0 ? Math.min(kd, 6) : 0;
            ky = spanDays >= 365 ? c.yearlyOrder() : 0;
            if (spanDays >= 14) {
                Map<String, Boolean> seen = new LinkedHashMap<>();
                for (int i = i0; i < end; i += Math.max(1, p / 2)) {
                    for (HolidayCalendar.Holiday h : cal.holidays(i)) {
                        seen.put(HolidayCalendar.baseName(h), true);
                    }
                }
                holidayNames.addAll(seen.keySet());
            }
            if (c.useRegressors()) {
                regressorNames.addAll(s.regressors().keySet());
            }
            RegressorScaling scaling = RegressorScaling.fit(s, regressorNames, i0, end);
            regMean = scaling.mean();
            regStd = scaling.std();
            trendEnd = 2 + cps.length;
            dailyEnd = trendEnd + 2 * kd + 2 * kdOff;
            weeklyEnd = dailyEnd + 2 * kw;
            yearlyEnd = weeklyEnd + 2 * ky;
            holidayEnd = yearlyEnd + holidayNames.size();
            cols = holidayEnd + regressorNames.size();
        }

        private double target(int i) {
            return mode == Mode.MULTIPLICATIVE ? Math.log(s.value(i)) : s.value(i);
        }

        void train() {
            int n = 0;
            double m = 0;
            for (int i = i0; i < end; i++) {
                if (s.observed(i)) {
                    n++;
                    m += target(i);
                }
            }
            if (n < 3) {
                throw new IllegalArgumentException("too few observed points to fit: " + n);
            }
            yMean = m / n;
            double q = 0;
            for (int i = i0; i < end; i++) {
                if (s.observed(i)) {
                    q += (target(i) - yMean) * (target(i) - yMean);
                }
            }
            yScale = Math.sqrt(q / n);
            if (yScale < 1e-12) {
                yScale = 1;
            }
            Ridge.Design x = new Ridge.Design(n, cols);
            double[] y = new double[n];
            double[] row = new double[cols];
            int r = 0;
            for (int i = i0; i < end; i++) {
                if (!s.observed(i)) {
                    continue;
                }
                features(i, row);
                x.setRow(r, row);
                y[r++] = (target(i) - yMean) / yScale;
            }
            double[] pen = new double[cols];
            for (int j = 0; j < cols; j++) {
                if (j < 2) {
                    pen[j] = 1e-6;
                } else if (j < trendEnd) {
                    pen[j] = c.changepointPenalty() * n;
                } else if (j < yearlyEnd) {
                    pen[j] = c.seasonalityPenalty();
                } else if (j < holidayEnd) {
                    pen[j] = c.holidayPenalty();
                } else {
                    pen[j] = c.regressorPenalty();
                }
            }
            beta = Ridge.solve(x, y, pen);
            fitted = new double[end - i0];
            r = 0;
            for (int i = i0; i < end; i++) {
                if (s.observed(i)) {
                    double z = 0;
                    int off = r * cols;
                    for (int j = 0; j < cols; j++) {
                        z += x.data[off + j] * beta[j];
                    }
                    r++;
                    double v = yMean + yScale * z;
                    fitted[i - i0] = mode == Mode.MULTIPLICATIVE ? Math.exp(v) : v;
                } else {
                    fitted[i - i0] = predict(i, i + 1)[0];
                }
            }
        }

        /** The feature row of grid index {@code i}. */
        void features(int i, double[] row) {
            double t = (i - i0) / spanSteps;
            row[0] = 1;
            row[1] = t;
            for (int j = 0; j < cps.length; j++) {
                row[2 + j] = Math.max(0, t - cps[j]);
            }
            int col = trendEnd;
            double dayFrac = cal.dayFraction(i);
            if (kd > 0) {
                col = fourier(row, col, dayFrac, kd);
                boolean off = cal.isOffDay(i);
                if (off) {
                    col = fourier(row, col, dayFrac, kdOff);
                } else {
                    for (int j = 0; j < 2 * kdOff; j++) {
                        row[col++] = 0;
                    }
                }
            }
            if (kw > 0) {
                col = fourier(row, col, (cal.dayOfWeek(i) + dayFrac) / 7.0, kw);
            }
            if (ky > 0) {
                col = fourier(row, col, (cal.epochDay(i) + dayFrac) / 365.2425, ky);
            }
            if (!holidayNames.isEmpty()) {
                for (int j = 0; j < holidayNames.size(); j++) {
                    row[col + j] = 0;
                }
                for (HolidayCalendar.Holiday h : cal.holidays(i)) {
                    int idx = holidayNames.indexOf(HolidayCalendar.baseName(h));
                    if (idx >= 0) {
                        row[col + idx] = 1;
                    }
                }
                col += holidayNames.size();
            }
            for (int r = 0; r < regressorNames.size(); r++) {
                double[] x = s.regressors().get(regressorNames.get(r));
                if (i >= x.length || Double.isNaN(x[i])) {
                    throw new IllegalArgumentException("regressor '" + regressorNames.get(r) + "' has no value at "
                            + s.time(i) + " (give future values with --future-regressors)");
                }
                row[col++] = (x[i] - regMean[r]) / regStd[r];
            }
        }

        private static int fourier(double[] row, int col, double phase, int order) {
            double a = 2 * Math.PI * phase;
            double s1 = Math.sin(a);
            double c1 = Math.cos(a);
            double sk = s1;
            double ck = c1;
            for (int k = 1; k <= order; k++) {
                row[col++] = sk;
                row[col++] = ck;
                double sn = sk * c1 + ck * s1;
                double cn = ck * c1 - sk * s1;
                sk = sn;
                ck = cn;
            }
            return col;
        }

        public Mode mode() {
            return mode;
        }

        public int trainStart() {
            return i0;
        }

        public int trainEnd() {
            return end;
        }

        /** In-sample predictions for the training points {@code [trainStart(), trainEnd())}. */
        public double[] fitted() {
            return fitted.clone();
        }

        /** Point predictions for grid indexes {@code [from, to)}. */
        public double[] predict(int from, int to) {
            double[] out = new double[to - from];
            double[] row = new double[cols];
            for (int i = from; i < to; i++) {
                features(i, row);
                double z = 0;
                for (int j = 0; j < cols; j++) {
                    z += row[j] * beta[j];
                }
                double v = yMean + yScale * z;
                out[i - from] = mode == Mode.MULTIPLICATIVE ? Math.exp(v) : v;
            }
            return out;
        }

        /**
         * Components for {@code [from, to)} in the target's units. Additive: they sum to the prediction.
         * Multiplicative: trend is in units and each other component is trend × (factor − 1), so that they add up
         * to the prediction to first order.
         */
        public Map<String, double[]> components(int from, int to) {
            String[] names = {TREND, DAILY, WEEKLY, YEARLY, HOLIDAYS, WEATHER};
            int[] bounds = {0, trendEnd, dailyEnd, weeklyEnd, yearlyEnd, holidayEnd, cols};
            Map<String, double[]> out = new LinkedHashMap<>();
            for (String n : names) {
                out.put(n, new double[to - from]);
            }
            double[] row = new double[cols];
            for (int i = from; i < to; i++) {
                features(i, row);
                double[] part = new double[names.length];
                for (int g = 0; g < names.length; g++) {
                    double z = 0;
                    for (int j = bounds[g]; j < bounds[g + 1]; j++) {
                        z += row[j] * beta[j];
                    }
                    part[g] = yScale * z;
                }
                double trend = yMean + part[0];
                if (mode == Mode.MULTIPLICATIVE) {
                    double tr = Math.exp(trend);
                    out.get(TREND)[i - from] = tr;
                    for (int g = 1; g < names.length; g++) {
                        out.get(names[g])[i - from] = tr * (Math.exp(part[g]) - 1);
                    }
                } else {
                    out.get(TREND)[i - from] = trend;
                    for (int g = 1; g < names.length; g++) {
                        out.get(names[g])[i - from] = part[g];
                    }
                }
            }
            return out;
        }

        public List<String> holidayNames() {
            return List.copyOf(holidayNames);
        }

        /** What the fit used, for the model registry. */
        public Map<String, Object> describe() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("mode", mode.name().toLowerCase());
            d.put("trainPoints", end - i0);
            d.put("changepoints", cps.length);
            d.put("dailyOrder", kd);
            d.put("offDayDailyOrder", kdOff);
            d.put("weeklyOrder", kw);
            d.put("yearlyOrder", ky);
            d.put("holidays", holidayNames);
            d.put("regressors", regressorNames);
            d.put("calendar", c.calendar().id());
            return d;
        }
    }

    /** Calendar facts of grid indexes, computed from the wall-clock time with no time-zone arithmetic. */
    static final class CalendarIndex {
        private final long startSec;
        private final long stepSec;
        private final HolidayCalendar calendar;
        private final Map<Long, List<HolidayCalendar.Holiday>> cache = new HashMap<>();

        CalendarIndex(RegularSeries s, HolidayCalendar calendar) {
            this.startSec = s.start().toEpochSecond(ZoneOffset.UTC);
            this.stepSec = s.step().getSeconds();
            this.calendar = calendar;
        }

        long sec(int i) {
            return startSec + i * stepSec;
        }

        long epochDay(int i) {
            return Math.floorDiv(sec(i), 86_400L);
        }

        double dayFraction(int i) {
            return Math.floorMod(sec(i), 86_400L) / 86_400.0;
        }

        /** Monday = 0 ... Sunday = 6. */
        int dayOfWeek(int i) {
            return (int) Math.floorMod(epochDay(i) + 3, 7L);
        }

        List<HolidayCalendar.Holiday> holidays(int i) {
            long day = epochDay(i);
            return cache.computeIfAbsent(day, d -> calendar.on(LocalDate.ofEpochDay(d)));
        }

        boolean isOffDay(int i) {
            if (dayOfWeek(i) >= 5) {
                return true;
            }
            for (HolidayCalendar.Holiday h : holidays(i)) {
                if (h.offDay()) {
                    return true;
                }
            }
            return false;
        }

        LocalDateTime time(int i) {
            return LocalDateTime.ofEpochSecond(sec(i), 0, ZoneOffset.UTC);
        }
    }
}
