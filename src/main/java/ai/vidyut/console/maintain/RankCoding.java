package ai.vidyut.console.maintain;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Codes every feature by its position among the distinct values the training rows have in that feature, so that the
 * tree learners can split between any two distinct values.
 * <p>
 * Smile's CART (3.1.1) treats two consecutive sorted values closer than 1e-7 as equal and never splits between them;
 * a column on a small scale, or a computed column whose values differ in the last bits (a difference of two
 * temperatures: {@code 309.4 - 300.8} and {@code 309.5 - 300.9} are 8.599999999999966 and 8.600000000000023), loses
 * those split points. Trees depend on the order of the values only, so coding by rank changes nothing else: a value
 * seen in training gets its rank (0, 1, 2, …); an unseen value between two training values is interpolated linearly
 * between their ranks, so a split half-way between two ranks is the same boundary as a split half-way between the two
 * values; values below or above every training value get −1 or the number of distinct values.
 */
final class RankCoding implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Per feature, the distinct training values in ascending order. */
    private final double[][] sortedValues;

    private RankCoding(double[][] sortedValues) {
        this.sortedValues = sortedValues;
    }

    /** Learns the value grid of every column of {@code x} (rows × features, no missing values). */
    static RankCoding fit(double[][] x) {
        int width = x[0].length;
        double[][] sorted = new double[width][];
        double[] column = new double[x.length];
        for (int j = 0; j < width; j++) {
            for (int i = 0; i < x.length; i++) {
                column[i] = x[i][j];
            }
            sorted[j] = Arrays.stream(column).sorted().distinct().toArray();
        }
        return new RankCoding(sorted);
    }

    double[][] code(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = code(x[i]);
        }
        return out;
    }

    double[] code(double[] row) {
        if (row.length != sortedValues.length) {
            throw new IllegalArgumentException("expected " + sortedValues.length + " features, got " + row.length);
        }
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = rank(sortedValues[j], row[j]);
        }
        return out;
    }

    static double rank(double[] sorted, double value) {
        int found = Arrays.binarySearch(sorted, value);
        if (found >= 0) {
            return found;
        }
        int above = -found - 1;
        if (above == 0) {
            return -1;
        }
        if (above == sorted.length) {
            return sorted.length;
        }
        double low = sorted[above - 1];
        return above - 1 + (value - low) / (sorted[above] - low);
    }
}
