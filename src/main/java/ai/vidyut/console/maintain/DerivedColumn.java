package ai.vidyut.console.maintain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A feature column computed from other columns of the same row, written {@code name=expression}, for example
 * {@code power_w=torque*rpm*0.10472} or
 * {@code strain_ratio=`Tool wear [min]`*`Torque [Nm]`/if(Type=='L',11000,if(Type=='M',12000,13000))}.
 * <p>
 * Expressions: numbers, column names (a name made of letters, digits, {@code _} and {@code .}; any other name in
 * back-quotes), {@code + - * / ^}, parentheses, comparisons {@code < <= > >= == !=} (1 or 0), {@code 'text'}
 * literals compared with {@code ==}/{@code !=} against a column's text, and the functions {@code log exp sqrt abs
 * min max if(condition, then, else)}. A missing input value or an undefined result (log of a negative number,
 * division by zero) gives a missing value, which the classifier fills like any other.
 * <p>
 * Only the text is serialised with a model; it is parsed again when the model is loaded.
 */
public final class DerivedColumn implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String expression;
    private transient Node root;

    private DerivedColumn(String name, String expression, Node root) {
        this.name = name;
        this.expression = expression;
        this.root = root;
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
        return new DerivedColumn(name, expression, new Parser(name, expression).parseAll());
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

    private Node root() {
        if (root == null) {
            root = new Parser(name, expression).parseAll();
        }
        return root;
    }

    /** The column names the expression reads. */
    public List<String> inputs() {
        List<String> out = new ArrayList<>();
        root().collect(out);
        return out;
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
                int row = r;
                values[r] = d.root().eval(new Row() {
                    @Override
                    public String text(String column) {
                        return source.cell(row, source.columnIndex(column));
                    }
                });
            }
            t = t.withColumn(d.name, values);
        }
        return t;
    }

    /** Adds the derived values to named numeric values (live features); text comparisons see no text. */
    public static void apply(Map<String, Double> values, List<DerivedColumn> derived) {
        for (DerivedColumn d : derived) {
            double v = d.root().eval(new Row() {
                @Override
                public String text(String column) {
                    Double x = values.get(column);
                    return x == null || x.isNaN() ? "" : Double.toString(x);
                }

                @Override
                public double number(String column) {
                    Double x = values.get(column);
                    return x == null ? Double.NaN : x;
                }
            });
            values.put(d.name, v);
        }
    }

    // ---- evaluation ----

    private interface Row {
        String text(String column);

        default double number(String column) {
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

    private interface Node {
        double eval(Row row);

        default void collect(List<String> columns) {
        }
    }

    private record Constant(double value) implements Node {
        public double eval(Row row) {
            return value;
        }
    }

    private record Column(String column) implements Node {
        public double eval(Row row) {
            return row.number(column);
        }

        public void collect(List<String> columns) {
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
    }

    /** {@code column == 'text'} (or {@code !=}): compares the column's cell text. */
    private record TextEquals(String column, String literal, boolean negate) implements Node {
        public double eval(Row row) {
            String v = row.text(column);
            if (v == null || Table.isMissing(v)) {
                return Double.NaN;
            }
            return v.trim().equals(literal) != negate ? 1 : 0;
        }

        public void collect(List<String> columns) {
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
    }

    private record Unary(Node a, DoubleUnaryOperator op) implements Node {
        public double eval(Row row) {
            double v = op.applyAsDouble(a.eval(row));
            return Double.isFinite(v) ? v : Double.NaN;
        }

        public void collect(List<String> columns) {
            a.collect(columns);
        }
    }

    private record Binary(Node a, Node b, DoubleBinaryOperator op) implements Node {
        public double eval(Row row) {
            double x = a.eval(row);
            double y = b.eval(row);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Double.NaN;
            }
            double v = op.applyAsDouble(x, y);
            return Double.isFinite(v) ? v : Double.NaN;
        }

        public void collect(List<String> columns) {
            a.collect(columns);
            b.collect(columns);
        }
    }

    private record If(Node condition, Node then, Node otherwise) implements Node {
        public double eval(Row row) {
            double c = condition.eval(row);
            if (Double.isNaN(c)) {
                return Double.NaN;
            }
            return c != 0 ? then.eval(row) : otherwise.eval(row);
        }

        public void collect(List<String> columns) {
            condition.collect(columns);
            then.collect(columns);
            otherwise.collect(columns);
        }
    }

    /** A text literal; only meaningful as one side of == or !=. */
    private record Text(String value) implements Node {
        public double eval(Row row) {
            throw new IllegalStateException("text literal outside a comparison");
        }
    }

    // ---- parsing (recursive descent) ----

    private static final class Parser {
        private final String name;
        private final String s;
        private int pos;

        Parser(String name, String s) {
            this.name = name;
            this.s = s;
        }

        Node parseAll() {
            Node n = comparison();
            skip();
            if (pos < s.length()) {
                throw error("unexpected '" + s.charAt(pos) + "'");
            }
            if (n instanceof Text) {
                throw error("a text literal is not a number");
            }
            return n;
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException(String.format(Locale.ROOT,
                    "derived column '%s': %s at position %d of '%s'", name, message, pos + 1, s));
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private boolean eat(String token) {
            skip();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        private Node comparison() {
            Node a = sum();
            skip();
            for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
                if (eat(op)) {
                    Node b = sum();
                    return compare(a, op, b);
                }
            }
            return a;
        }

        private Node compare(Node a, String op, Node b) {
            if (a instanceof Text || b instanceof Text) {
                Node other = a instanceof Text ? b : a;
                Text lit = (Text) (a instanceof Text ? a : b);
                if (!(other instanceof Column c) || !(op.equals("==") || op.equals("!="))) {
                    throw error("a text literal can only be compared with == or != to a column");
                }
                return new TextEquals(c.column(), lit.value(), op.equals("!="));
            }
            return switch (op) {
                case "<=" -> new Binary(a, b, (x, y) -> x <= y ? 1 : 0);
                case ">=" -> new Binary(a, b, (x, y) -> x >= y ? 1 : 0);
                case "==" -> new Binary(a, b, (x, y) -> x == y ? 1 : 0);
                case "!=" -> new Binary(a, b, (x, y) -> x != y ? 1 : 0);
                case "<" -> new Binary(a, b, (x, y) -> x < y ? 1 : 0);
                default -> new Binary(a, b, (x, y) -> x > y ? 1 : 0);
            };
        }

        private Node sum() {
            Node a = term();
            while (true) {
                if (eat("+")) {
                    a = new Binary(numeric(a), numeric(term()), Double::sum);
                } else if (eat("-")) {
                    a = new Binary(numeric(a), numeric(term()), (x, y) -> x - y);
                } else {
                    return a;
                }
            }
        }

        private Node term() {
            Node a = unary();
            while (true) {
                if (eat("*")) {
                    a = new Binary(numeric(a), numeric(unary()), (x, y) -> x * y);
                } else if (eat("/")) {
                    a = new Binary(numeric(a), numeric(unary()), (x, y) -> x / y);
                } else {
                    return a;
                }
            }
        }

        private Node unary() {
            if (eat("-")) {
                return new Unary(numeric(unary()), x -> -x);
            }
            if (eat("+")) {
                return numeric(unary());
            }
            Node base = primary();
            if (eat("^")) {
                return new Binary(numeric(base), numeric(unary()), Math::pow);
            }
            return base;
        }

        private Node numeric(Node n) {
            if (n instanceof Text) {
                throw error("a text literal is not a number");
            }
            return n;
        }

        private Node primary() {
            skip();
            if (pos >= s.length()) {
                throw error("expression ends early");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node n = comparison();
                if (!eat(")")) {
                    throw error("expected ')'");
                }
                return n;
            }
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, pos + 1);
                if (end < 0) {
                    throw error("unterminated text literal");
                }
                String v = s.substring(pos + 1, end);
                pos = end + 1;
                return new Text(v);
            }
            if (c == '`') {
                int end = s.indexOf('`', pos + 1);
                if (end < 0) {
                    throw error("unterminated `column name`");
                }
                String v = s.substring(pos + 1, end);
                pos = end + 1;
                return new Column(v);
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                    int save = pos;
                    pos++;
                    if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                        pos++;
                    }
                    if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                            pos++;
                        }
                    } else {
                        pos = save;
                    }
                }
                try {
                    return new Constant(Double.parseDouble(s.substring(start, pos)));
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("bad number");
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                        || s.charAt(pos) == '.')) {
                    pos++;
                }
                String word = s.substring(start, pos);
                skip();
                if (pos < s.length() && s.charAt(pos) == '(') {
                    pos++;
                    List<Node> args = new ArrayList<>();
                    if (!eat(")")) {
                        do {
                            args.add(comparison());
                        } while (eat(","));
                        if (!eat(")")) {
                            throw error("expected ')' or ','");
                        }
                    }
                    return function(word, args);
                }
                return new Column(word);
            }
            throw error("unexpected '" + c + "'");
        }

        private Node function(String f, List<Node> args) {
            String l = f.toLowerCase(Locale.ROOT);
            int want = switch (l) {
                case "log", "exp", "sqrt", "abs" -> 1;
                case "min", "max" -> 2;
                case "if" -> 3;
                default -> throw error("unknown function '" + f + "' (known: log, exp, sqrt, abs, min, max, if)");
            };
            if (args.size() != want) {
                throw error(f + "() takes " + want + " argument(s), got " + args.size());
            }
            args.forEach(this::numeric);
            return switch (l) {
                case "log" -> new Unary(args.get(0), Math::log);
                case "exp" -> new Unary(args.get(0), Math::exp);
                case "sqrt" -> new Unary(args.get(0), Math::sqrt);
                case "abs" -> new Unary(args.get(0), Math::abs);
                case "min" -> new Binary(args.get(0), args.get(1), Math::min);
                case "max" -> new Binary(args.get(0), args.get(1), Math::max);
                default -> new If(args.get(0), args.get(1), args.get(2));
            };
        }
    }
}
