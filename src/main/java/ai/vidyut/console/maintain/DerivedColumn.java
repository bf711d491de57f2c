package ai.vidyut.console.maintain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A feature column computed from other columns of the same row, written {@code name=expression}, for example
 * {@code power_w=torque*rpm*0.10472} or
 * {@code strain_ratio=`Tool wear [min]`*`Torque [Nm]`/if(Type=='L',11000,if(Type=='M',12000,13000))}.
 * <p>
 * Expressions: numbers, column names (a name made of letters, digits, {@code _} and {@code .}; any other name in
 * back-quotes), {@code + - * / ^}, parentheses, comparisons {@code < <= > >= == !=} (1 or 0), {@code 'text'}
 * literals compared with {@code ==}/{@code !=} against a column's text, and the functions {@code log exp sqrt abs
 * min max if(condition, then, else)}. A missing input value or an undefined result (log of a negative number,
 * division by zero) gives a missing value, which the classifier fills like any other. The expressions are parsed and
 * evaluated by EvalEx, restricted to this language (see {@link DerivedExpression}); nothing else can be called.
 * <p>
 * Only the text is serialised with a model; it is parsed again when the model is loaded.
 */
public final class DerivedColumn implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String expression;
    private transient DerivedExpression parsed;

    private DerivedColumn(String name, String expression, DerivedExpression parsed) {
        this.name = name;
        this.expression = expression;
        this.parsed = parsed;
    }

    /** Parses {@code name=expression}; a syntax error names the position and what was expected. */
    public static DerivedColumn parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || spec.charAt(eq + 1 < spec.length() ? eq + 1 : eq) == '=') {
            throw new IllegalArgumentException("derived column '" + spec + "': expected NAME=EXPRESSION");
        }
        String name = spec.substring(0, eq).trim();
        String expression = spec.substring(eq + 1).trim();
        if (name.isEmpty() || expression.isEmpty()) {
            throw new IllegalArgumentException("derived column '" + spec + "': expected NAME=EXPRESSION");
        }
        return new DerivedColumn(name, expression, parse(name, expression));
    }

    private static DerivedExpression parse(String name, String expression) {
        try {
            return DerivedExpression.parse(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("derived column '" + name + "': " + e.getMessage() + " in '"
                    + expression + "'", e);
        }
    }

    public static List<DerivedColumn> parseAll(List<String> specs) {
        List<DerivedColumn> out = new ArrayList<>();
        for (String s : specs == null ? List.<String>of() : specs) {
            out.add(parse(s));
        }
        return out;
    }

    public String name() {
        return name;
    }

    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return name + "=" + expression;
    }

    private DerivedExpression parsed() {
        if (parsed == null) {
            parsed = parse(name, expression);
        }
        return parsed;
    }

    /** The column names the expression reads. */
    public List<String> inputs() {
        return parsed().columns();
    }

    /** Adds the derived columns to a table (in order, so a later one may use an earlier one). */
    public static Table apply(Table table, List<DerivedColumn> derived) {
        Table t = table;
        for (DerivedColumn d : derived) {
            if (t.has(d.name)) {
                throw new IllegalArgumentException("derived column '" + d.name + "' already exists in the input");
            }
            for (String in : d.inputs()) {
                if (!t.has(in)) {
                    throw new IllegalArgumentException("derived column '" + d.name + "' uses column '" + in
                            + "' that the input lacks (columns: " + String.join(",", t.columns()) + ")");
                }
            }
            Table source = t;
            double[] values = new double[t.rowCount()];
            for (int r = 0; r < values.length; r++) {
                values[r] = d.parsed().evaluate(new TableRow(source, r));
            }
            t = t.withColumn(d.name, values);
        }
        return t;
    }

    /** Adds the derived values to named numeric values (live features); text comparisons see the number's text. */
    public static void apply(Map<String, Double> values, List<DerivedColumn> derived) {
        for (DerivedColumn d : derived) {
            values.put(d.name, d.parsed().evaluate(new DerivedExpression.Row() {
                @Override
                public String text(String column) {
                    Double x = values.get(column);
                    return x == null || x.isNaN() ? null : Double.toString(x);
                }

                @Override
                public double number(String column) {
                    Double x = values.get(column);
                    return x == null ? Double.NaN : x;
                }
            }));
        }
    }

    private record TableRow(Table table, int row) implements DerivedExpression.Row {
        @Override
        public String text(String column) {
            return table.cell(row, table.columnIndex(column));
        }

        @Override
        public double number(String column) {
            String s = text(column);
            if (s == null || Table.isMissing(s)) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }
}
