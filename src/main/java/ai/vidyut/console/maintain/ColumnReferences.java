package ai.vidyut.console.maintain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one translation between a derived-column expression as the console accepts it and the EvalEx syntax: every
 * column reference (a plain name of letters, digits, {@code _} and {@code .}, or any name in back-quotes) becomes a
 * variable {@code _1}, {@code _2}, … (EvalEx names have no dots, spaces or quotes). Text literals and numbers are
 * copied unchanged; a name followed by {@code (} is a function call and must be one of the allowed functions.
 */
final class ColumnReferences {

    private static final Pattern TOKEN = Pattern.compile(
            "'[^']*'?|\"[^\"]*\"?|`[^`]*`?|[\\d.]+(?:[eE][+-]?\\d+)?|[\\p{L}_][\\p{L}\\p{Nd}_.]*");

    /** A replaced column reference: its span in the translated and in the original text (0-based, end exclusive). */
    private record Replacement(int translatedStart, int translatedEnd, int originalStart, int originalEnd) {
    }

    private final String translated;
    private final Map<String, String> columnByVariable;
    private final List<Replacement> replacements;

    private ColumnReferences(String translated, Map<String, String> columnByVariable, List<Replacement> replacements) {
        this.translated = translated;
        this.columnByVariable = columnByVariable;
        this.replacements = replacements;
    }

    /**
     * Translates {@code expression}; an unterminated back-quote or a call of a function outside {@code functions}
     * (compared without case) is an {@link IllegalArgumentException} whose message is the problem and its position.
     */
    static ColumnReferences translate(String expression, Set<String> functions) {
        StringBuilder out = new StringBuilder();
        Map<String, String> variableByColumn = new LinkedHashMap<>();
        Map<String, String> columnByVariable = new LinkedHashMap<>();
        List<Replacement> replacements = new ArrayList<>();
        Matcher m = TOKEN.matcher(expression);
        int copied = 0;
        while (m.find()) {
            out.append(expression, copied, m.start());
            copied = m.end();
            String token = m.group();
            String column;
            if (token.startsWith("`")) {
                if (token.length() < 2 || !token.endsWith("`")) {
                    throw new IllegalArgumentException("unterminated `column name` at position " + (m.start() + 1));
                }
                column = token.substring(1, token.length() - 1);
            } else if (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_') {
                if (calledAt(expression, m.end())) {
                    if (!functions.contains(token.toLowerCase(Locale.ROOT))) {
                        throw new IllegalArgumentException("unknown function '" + token + "' (known: "
                                + String.join(", ", functions) + ") at position " + (m.start() + 1));
                    }
                    out.append(token);
                    continue;
                }
                column = token;
            } else {
                out.append(token);
                continue;
            }
            String variable = variableByColumn.computeIfAbsent(column, c -> "_" + (variableByColumn.size() + 1));
            columnByVariable.putIfAbsent(variable, column);
            replacements.add(new Replacement(out.length(), out.length() + variable.length(), m.start(), m.end()));
            out.append(variable);
        }
        out.append(expression, copied, expression.length());
        return new ColumnReferences(out.toString(), columnByVariable, replacements);
    }

    private static boolean calledAt(String s, int end) {
        int i = end;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i < s.length() && s.charAt(i) == '(';
    }

    /** The expression in EvalEx syntax. */
    String translated() {
        return translated;
    }

    /** The column a variable of the translated expression stands for, or null if it is no such variable. */
    String column(String variable) {
        return columnByVariable.get(variable);
    }

    /** The variables of the translated expression. */
    Set<String> variables() {
        return columnByVariable.keySet();
    }

    /** The columns referenced, in order of first appearance. */
    List<String> columns() {
        return List.copyOf(columnByVariable.values());
    }

    /** The 1-based position in the original expression of a 1-based position in the translated one. */
    int originalPosition(int translatedPosition) {
        int index = translatedPosition - 1;
        int shift = 0;
        for (Replacement r : replacements) {
            if (index < r.translatedStart()) {
                break;
            }
            if (index < r.translatedEnd()) {
                return r.originalStart() + 1;
            }
            shift = r.originalEnd() - r.translatedEnd();
        }
        return index + shift + 1;
    }
}
