package ai.vidyut.console.maintain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic run-to-failure fleet for tests: every unit wears out over a random life; three sensors follow its wear
 * (one exponentially, one linearly, one falling), one is pure noise and one is constant.
 */
final class RunToFailureData {

    static final List<String> COLUMNS = List.of("unit", "cycle", "temp", "vib", "pressure", "noise", "constant");

    /** One unit's rows; {@code life} is its failure cycle; rows run from cycle 1 to {@code upTo} (≤ life). */
    static List<double[]> unit(int id, int life, int upTo, Random rnd) {
        double offset = rnd.nextGaussian() * 0.5;
        List<double[]> rows = new ArrayList<>();
        for (int c = 1; c <= upTo; c++) {
            double wear = (double) c / life;
            double temp = 640 + offset + 6 * Math.expm1(3 * wear) / Math.expm1(3) + 0.4 * rnd.nextGaussian();
            double vib = 2 + 3 * wear + 0.15 * rnd.nextGaussian();
            double pressure = 47 - 2.5 * wear * wear + 0.1 * rnd.nextGaussian();
            rows.add(new double[] {id, c, temp, vib, pressure, rnd.nextGaussian(), 100});
        }
        return rows;
    }

    static List<double[]> fleet(int units, long seed) {
        Random rnd = new Random(seed);
        List<double[]> all = new ArrayList<>();
        for (int u = 1; u <= units; u++) {
            int life = 120 + rnd.nextInt(130);
            all.addAll(unit(u, life, life, rnd));
        }
        return all;
    }

    static String csv(List<double[]> rows, String delimiter, boolean header) {
        StringBuilder sb = new StringBuilder();
        if (header) {
            sb.append(String.join(delimiter, COLUMNS)).append('\n');
        }
        for (double[] r : rows) {
            for (int j = 0; j < r.length; j++) {
                if (j > 0) {
                    sb.append(delimiter);
                }
                sb.append(j < 2 ? Long.toString((long) r[j]) : String.format(Locale.ROOT, "%.4f", r[j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static Table table(List<double[]> rows) {
        return Table.parse(csv(rows, ",", true), null);
    }

    private RunToFailureData() {
    }
}
