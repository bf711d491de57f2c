package ai.vidyut.console.voice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Numbers as spoken: "one" to "ninety nine" in words, and digits. */
public final class SpokenNumbers {

    /** The largest number the grammar lists in words. */
    public static final int GRAMMAR_MAX = 50;

    private static final String[] UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety"};
    private static final Map<String, Integer> UNIT_VALUES = new HashMap<>();
    private static final Map<String, Integer> TEN_VALUES = new HashMap<>();

    static {
        for (int i = 0; i < UNITS.length; i++) {
            UNIT_VALUES.put(UNITS[i], i);
        }
        for (int i = 2; i < TENS.length; i++) {
            TEN_VALUES.put(TENS[i], i * 10);
        }
    }

    private SpokenNumbers() {
    }

    /** A number from 0 to 99 in words ("twenty one"); larger numbers digit by digit ("one two three"). */
    public static String toWords(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
        }
        if (n < 20) {
            return UNITS[n];
        }
        if (n < 100) {
            return n % 10 == 0 ? TENS[n / 10] : TENS[n / 10] + " " + UNITS[n % 10];
        }
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(UNITS[c - '0']);
        }
        return sb.toString();
    }

    /** A parsed number and how many tokens it took. */
    public record Match(int value, int length) {
    }

    /** Reads a number starting at {@code tokens[from]}: digits, "seven", "twenty", "twenty one". */
    public static Match parse(List<String> tokens, int from) {
        if (from >= tokens.size()) {
            return null;
        }
        String t = tokens.get(from);
        if (t.matches("\\d{1,6}")) {
            return new Match(Integer.parseInt(t), 1);
        }
        Integer unit = UNIT_VALUES.get(t);
        if (unit != null) {
            return new Match(unit, 1);
        }
        Integer ten = TEN_VALUES.get(t);
        if (ten != null) {
            if (from + 1 < tokens.size()) {
                Integer next = UNIT_VALUES.get(tokens.get(from + 1));
                if (next != null && next > 0 && next < 10) {
                    return new Match(ten + next, 2);
                }
            }
            return new Match(ten, 1);
        }
        return null;
    }

    public static boolean isNumberWord(String token) {
        return token.matches("\\d{1,6}") || UNIT_VALUES.containsKey(token) || TEN_VALUES.containsKey(token);
    }
}
