package ai.vidyut.console.forecast;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DecomposableModelTest {

    private static double corr(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void recoversTrendAndSeasonalComponentsOfAKnownSeries() {
        RegularSeries s = Synthetic.series(240, 5, 1);
        DecomposableModel.Fitted fit = DecomposableModel.fit(s, s.size(),
                DecomposableModel.Config.defaults(HolidayCalendar.none()));
        int from = s.size() - 24 * 28;
        Map<String, double[]> c = fit.components(from, s.size());
        double[] trueDaily = new double[c.get("daily").length];
        double[] trueWeekly = new double[trueDaily.length];
        double[] dailyPlusWeekly = new double[trueDaily.length];
        for (int i = 0; i < trueDaily.length; i++) {
            trueDaily[i] = Synthetic.daily(from + i);
            trueWeekly[i] = Synthetic.weekly(from + i);
            dailyPlusWeekly[i] = c.get("daily")[i] + c.get("weekly")[i];
        }
        assertThat(corr(c.get("daily"), trueDaily)).isGreaterThan(0.97);
        assertThat(corr(dailyPlusWeekly, add(trueDaily, trueWeekly))).isGreaterThan(0.98);
        // the trend bends at day 150: the model's trend follows it (weekly mean offsets are absorbed in the level)
        double weeklyMean = 0;
        for (int day : new int[] {60, 140, 200, 235}) {
            int i = day * 24 - from;
            double modelTrend = day * 24 >= from ? c.get("trend")[i] : fit.components(day * 24, day * 24 + 1).get("trend")[0];
            assertThat(modelTrend).as("trend on day %d", day)
                    .isCloseTo(Synthetic.trend(day * 24) + weeklyMean, org.assertj.core.data.Offset.offset(12.0));
        }
        // components add up to the prediction
        double[] pred = fit.predict(from, s.size());
        for (int i = 0; i < pred.length; i += 97) {
            double sum = 0;
            for (double[] comp : c.values()) {
                sum += comp[i];
            }
            assertThat(sum).isCloseTo(pred[i], org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void multiplicativeModeFitsSeasonalityThatScalesWithTheLevel() {
        int n = 24 * 120;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double level = 100 * Math.exp(0.004 * i / 24.0);
            v[i] = level * (1 + 0.3 * Math.sin(2 * Math.PI * (i % 24) / 24.0));
        }
        RegularSeries s = RegularSeries.of("x", Synthetic.START, java.time.Duration.ofHours(1), v);
        DecomposableModel.Config cfg = DecomposableModel.Config.defaults(HolidayCalendar.none());
        DecomposableModel.Fitted mult = DecomposableModel.fit(s.head(n - 48), n - 48,
                cfg.withMode(DecomposableModel.Mode.MULTIPLICATIVE));
        assertThat(mult.mode()).isEqualTo(DecomposableModel.Mode.MULTIPLICATIVE);
        double[] p = mult.predict(n - 48, n);
        for (int h = 0; h < 48; h++) {
            assertThat(p[h]).isCloseTo(v[n - 48 + h], org.assertj.core.data.Percentage.withPercentage(2));
        }
    }

    @Test
    void holidayEffectIsLearnedFromTheCalendar() {
        // two years of daily-cycle data where US federal days off draw 25 % less
        HolidayCalendar us = HolidayCalendar.unitedStates();
        int n = 24 * 730;
        double[] v = new double[n];
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < n; i++) {
            java.time.LocalDate d = Synthetic.START.plusHours(i).toLocalDate();
            double base = 500 + 50 * Math.sin(2 * Math.PI * (i % 24) / 24.0) + Synthetic.weekly(i);
            v[i] = (us.isOffDay(d) ? 0.75 : 1) * base + rnd.nextGaussian() * 5;
        }
        RegularSeries s = RegularSeries.of("x", Synthetic.START, java.time.Duration.ofHours(1), v);
        DecomposableModel.Fitted fit = DecomposableModel.fit(s, n, DecomposableModel.Config.defaults(us));
        assertThat(fit.holidayNames()).contains("Thanksgiving", "Independence Day", "Christmas Day");
        // Thanksgiving 2022 (24 Nov): the holidays component is strongly negative at noon
        int idx = (int) java.time.Duration.between(Synthetic.START, java.time.LocalDateTime.of(2022, 11, 24, 12, 0)).toHours();
        double holiday = fit.components(idx, idx + 1).get("holidays")[0];
        assertThat(holiday).isLessThan(-60);
        int ordinary = idx + 24 * 6; // 30 Nov 2022, a Wednesday
        assertThat(fit.components(ordinary, ordinary + 1).get("holidays")[0]).isCloseTo(0.0,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    private static double[] add(double[] a, double[] b) {
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i] + b[i];
        }
        return o;
    }
}
