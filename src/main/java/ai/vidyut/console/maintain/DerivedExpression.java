package ai.vidyut.console.maintain;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.config.MapBasedFunctionDictionary;
import com.ezylang.evalex.config.MapBasedOperatorDictionary;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.FunctionIfc;
import com.ezylang.evalex.functions.FunctionParameterDefinition;
import com.ezylang.evalex.operators.OperatorIfc;
import com.ezylang.evalex.operators.OperatorIfc.OperatorType;
import com.ezylang.evalex.parser.ASTNode;
import com.ezylang.evalex.parser.ParseException;
import com.ezylang.evalex.parser.Token;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import static com.ezylang.evalex.operators.OperatorIfc.OPERATOR_PRECEDENCE_ADDITIVE;
import static com.ezylang.evalex.operators.OperatorIfc.OPERATOR_PRECEDENCE_COMPARISON;
import static com.ezylang.evalex.operators.OperatorIfc.OPERATOR_PRECEDENCE_EQUALITY;
import static com.ezylang.evalex.operators.OperatorIfc.OPERATOR_PRECEDENCE_MULTIPLICATIVE;
import static com.ezylang.evalex.operators.OperatorIfc.OPERATOR_PRECEDENCE_POWER;

/**
 * A derived-column expression parsed (tokens, precedence, syntax tree) and evaluated (tree walk, function dispatch,
 * the lazy {@code if}) by EvalEx, configured with only the console's expression language: the operators
 * {@code + - * / ^ < <= > >= == !=}, the functions {@code log exp sqrt abs min max if}, number literals, columns,
 * and text literals only as {@code column == 'text'} (or {@code !=}). EvalEx has no method calls, object creation,
 * reflection or I/O, and its other functions (text, date-time, random), constants, arrays, structures and implicit
 * multiplication are not configured, so no expression can reach them.
 * <p>
 * The operators and functions are defined here, in IEEE double arithmetic as everywhere else in the models (EvalEx's
 * own compute in BigDecimal, which would change the last digits of values that saved models were trained on). A missing
 * input makes every operator and function it reaches (other than an {@code if} branch not taken) missing, and so
 * does an undefined result (division by zero, the log or square root of a negative number, an overflow).
 */
final class DerivedExpression {

    /** The allowed functions by lower-case name, in the order error messages list them. */
    private static final Map<String, FunctionIfc> FUNCTIONS = functions();

    private static final ExpressionConfiguration LANGUAGE = ExpressionConfiguration.builder()
            .operatorDictionary(MapBasedOperatorDictionary.ofOperators(
                    sign("+", x -> x), sign("-", x -> -x),
                    infix("+", OPERATOR_PRECEDENCE_ADDITIVE, Double::sum),
                    infix("-", OPERATOR_PRECEDENCE_ADDITIVE, (x, y) -> x - y),
                    infix("*", OPERATOR_PRECEDENCE_MULTIPLICATIVE, (x, y) -> x * y),
                    infix("/", OPERATOR_PRECEDENCE_MULTIPLICATIVE, (x, y) -> x / y),
                    Map.entry("^", new Operator(OperatorType.INFIX_OPERATOR, OPERATOR_PRECEDENCE_POWER, false,
                            numbers(Math::pow))),
                    infix("<", OPERATOR_PRECEDENCE_COMPARISON, (x, y) -> x < y ? 1 : 0),
                    infix("<=", OPERATOR_PRECEDENCE_COMPARISON, (x, y) -> x <= y ? 1 : 0),
                    infix(">", OPERATOR_PRECEDENCE_COMPARISON, (x, y) -> x > y ? 1 : 0),
                    infix(">=", OPERATOR_PRECEDENCE_COMPARISON, (x, y) -> x >= y ? 1 : 0),
                    equality("==", true), equality("!=", false)))
            .functionDictionary(MapBasedFunctionDictionary.ofFunctions(
                    FUNCTIONS.entrySet().toArray(Map.Entry[]::new)))
            .defaultConstants(Map.of())
            .arraysAllowed(false)
            .structuresAllowed(false)
            .implicitMultiplicationAllowed(false)
            .singleQuoteStringLiteralsAllowed(true)
            .build();

    private static Map<String, FunctionIfc> functions() {
        Map<String, FunctionIfc> f = new LinkedHashMap<>();
        f.put("log", new NumericFunction(x -> Math.log(x[0]), "value"));
        f.put("exp", new NumericFunction(x -> Math.exp(x[0]), "value"));
        f.put("sqrt", new NumericFunction(x -> Math.sqrt(x[0]), "value"));
        f.put("abs", new NumericFunction(x -> Math.abs(x[0]), "value"));
        f.put("min", new NumericFunction(x -> Math.min(x[0], x[1]), "first", "second"));
        f.put("max", new NumericFunction(x -> Math.max(x[0], x[1]), "first", "second"));
        f.put("if", new IfFunction());
        return f;
    }

    private static Map.Entry<String, OperatorIfc> infix(String symbol, int precedence, DoubleBinaryOperator f) {
        return Map.entry(symbol, new Operator(OperatorType.INFIX_OPERATOR, precedence, true, numbers(f)));
    }

    /**
     * A sign binds as tightly as {@code ^} (which is right-associative), so {@code -x^2} is {@code -(x^2)} and
     * {@code 2^-1} is {@code 2^(-1)}. (With EvalEx's precedences {@code -x^2} would be {@code (-x)^2}; with a power
     * precedence above the sign's, the sign in {@code 2^-1*4} would take the {@code ^} before its right operand.)
     */
    private static Map.Entry<String, OperatorIfc> sign(String symbol, DoubleUnaryOperator f) {
        return Map.entry(symbol, new Operator(OperatorType.PREFIX_OPERATOR, OPERATOR_PRECEDENCE_POWER, false,
                operands -> number(f.applyAsDouble(doubleOf(operands[0])))));
    }

    /** {@code ==} or {@code !=}: of two numbers, or of a column's text and a text literal. */
    private static Map.Entry<String, OperatorIfc> equality(String symbol, boolean equal) {
        Function<EvaluationValue[], EvaluationValue> numeric = numbers((x, y) -> (x == y) == equal ? 1 : 0);
        return Map.entry(symbol, new Operator(OperatorType.INFIX_OPERATOR, OPERATOR_PRECEDENCE_EQUALITY, true,
                operands -> operands[0].isStringValue() || operands[1].isStringValue()
                        ? number(operands[0].getStringValue().equals(operands[1].getStringValue()) == equal ? 1 : 0)
                        : numeric.apply(operands)));
    }

    private static Function<EvaluationValue[], EvaluationValue> numbers(DoubleBinaryOperator f) {
        return operands -> number(f.applyAsDouble(doubleOf(operands[0]), doubleOf(operands[1])));
    }

    private static double doubleOf(EvaluationValue value) {
        return value.getNumberValue().doubleValue();
    }

    /** A number, or missing when it is NaN or infinite (an undefined result). */
    private static EvaluationValue number(double value) {
        return Double.isFinite(value) ? EvaluationValue.numberValue(BigDecimal.valueOf(value))
                : EvaluationValue.nullValue();
    }

    /** A row's values, by column name. */
    interface Row {
        /** The cell's text, or null or a missing-value marker when missing. */
        String text(String column);

        /** The cell as a number, NaN when missing or not a number. */
        double number(String column);
    }

    private final ColumnReferences references;
    private final Expression parsed;
    /** Variables compared with text literals: they are bound to the cell's text, the others to its number. */
    private final Set<String> textVariables;

    private DerivedExpression(ColumnReferences references, Expression parsed, Set<String> textVariables) {
        this.references = references;
        this.parsed = parsed;
        this.textVariables = textVariables;
    }

    /** Parses an expression; a problem is an {@link IllegalArgumentException} naming it and its position. */
    static DerivedExpression parse(String expression) {
        ColumnReferences references = ColumnReferences.translate(expression, FUNCTIONS.keySet());
        Expression parsed = new Expression(references.translated(), LANGUAGE);
        ASTNode root;
        try {
            root = parsed.getAbstractSyntaxTree();
        } catch (ParseException e) {
            String message = e.getMessage().substring(0, 1).toLowerCase(Locale.ROOT) + e.getMessage().substring(1);
            String token = e.getTokenString();
            if (references.translated().equals(token)) {
                throw new IllegalArgumentException(message);
            }
            String column = references.column(token);
            String written = column == null ? token : column;
            throw problem(references, message.contains("'") ? message : message + " '" + written + "'",
                    e.getStartPosition());
        }
        Set<String> textVariables = new HashSet<>();
        Set<String> numberVariables = new HashSet<>();
        collectVariables(references, root, null, textVariables, numberVariables);
        for (String variable : textVariables) {
            if (numberVariables.contains(variable)) {
                throw new IllegalArgumentException("column '" + references.column(variable)
                        + "' is compared with text and also used as a number");
            }
        }
        return new DerivedExpression(references, parsed, Set.copyOf(textVariables));
    }

    private static IllegalArgumentException problem(ColumnReferences references, String message, int position) {
        return new IllegalArgumentException(message + " at position " + references.originalPosition(position));
    }

    /** Sorts the variables by use and checks that every text literal is compared with == or != to a column. */
    private static void collectVariables(ColumnReferences references, ASTNode node, ASTNode parent,
                                         Set<String> textVariables, Set<String> numberVariables) {
        Token token = node.getToken();
        if (token.getType() == Token.TokenType.STRING_LITERAL) {
            ASTNode column = textComparedColumn(node, parent);
            if (column == null) {
                throw problem(references, "a text literal can only be compared with == or != to a column",
                        token.getStartPosition());
            }
            textVariables.add(column.getToken().getValue());
        } else if (token.getType() == Token.TokenType.VARIABLE_OR_CONSTANT && textComparedColumn(node, parent) != node) {
            numberVariables.add(token.getValue());
        }
        for (ASTNode child : node.getParameters()) {
            collectVariables(references, child, node, textVariables, numberVariables);
        }
    }

    /** The column side of {@code column == 'text'} (or {@code !=}, either order) that {@code node} is part of. */
    private static ASTNode textComparedColumn(ASTNode node, ASTNode parent) {
        if (parent == null || parent.getToken().getType() != Token.TokenType.INFIX_OPERATOR
                || !List.of("==", "!=").contains(parent.getToken().getValue())) {
            return null;
        }
        List<ASTNode> sides = parent.getParameters();
        ASTNode other = sides.get(0) == node ? sides.get(1) : sides.get(0);
        Token.TokenType mine = node.getToken().getType();
        Token.TokenType theirs = other.getToken().getType();
        if (mine == Token.TokenType.STRING_LITERAL && theirs == Token.TokenType.VARIABLE_OR_CONSTANT) {
            return other;
        }
        if (mine == Token.TokenType.VARIABLE_OR_CONSTANT && theirs == Token.TokenType.STRING_LITERAL) {
            return node;
        }
        return null;
    }

    /** The columns the expression reads, in order of first appearance. */
    List<String> columns() {
        return references.columns();
    }

    /** The value for one row: NaN when an input it needs is missing or the result is undefined. */
    double evaluate(Row row) {
        try {
            Expression expression = new Expression(parsed);
            for (String variable : references.variables()) {
                String column = references.column(variable);
                expression.getDataAccessor().setData(variable,
                        textVariables.contains(variable) ? text(row.text(column)) : number(row.number(column)));
            }
            EvaluationValue result = expression.evaluate();
            return result.isNumberValue() ? doubleOf(result) : Double.NaN;
        } catch (EvaluationException | ParseException e) {
            // parse leaves EvalEx nothing to refuse here: no unknown name, no text where a number belongs
            throw new IllegalStateException("derived expression '" + references.translated() + "': " + e.getMessage(),
                    e);
        }
    }

    private static EvaluationValue text(String cell) {
        return cell == null || Table.isMissing(cell) ? EvaluationValue.nullValue()
                : EvaluationValue.stringValue(cell.trim());
    }

    private static boolean anyMissing(EvaluationValue[] values) {
        return Arrays.stream(values).anyMatch(EvaluationValue::isNullValue);
    }

    /** An operator on present operands; any missing operand makes its result missing. */
    private record Operator(OperatorType type, int precedence, boolean leftAssociative,
                            Function<EvaluationValue[], EvaluationValue> apply) implements OperatorIfc {
        @Override
        public int getPrecedence() {
            return precedence;
        }

        @Override
        public int getPrecedence(ExpressionConfiguration configuration) {
            return precedence;
        }

        @Override
        public boolean isLeftAssociative() {
            return leftAssociative;
        }

        @Override
        public boolean isPrefix() {
            return type == OperatorType.PREFIX_OPERATOR;
        }

        @Override
        public boolean isPostfix() {
            return false;
        }

        @Override
        public boolean isInfix() {
            return type == OperatorType.INFIX_OPERATOR;
        }

        @Override
        public boolean isOperandLazy() {
            return false;
        }

        @Override
        public EvaluationValue evaluate(Expression expression, Token token, EvaluationValue... operands) {
            return anyMissing(operands) ? EvaluationValue.nullValue() : apply.apply(operands);
        }
    }

    /** A function of numbers; any missing argument makes its result missing. */
    private static final class NumericFunction implements FunctionIfc {
        private final ToDoubleFunction<double[]> f;
        private final List<FunctionParameterDefinition> parameters;

        NumericFunction(ToDoubleFunction<double[]> f, String... parameterNames) {
            this.f = f;
            this.parameters = Arrays.stream(parameterNames)
                    .map(name -> FunctionParameterDefinition.builder().name(name).build()).toList();
        }

        @Override
        public List<FunctionParameterDefinition> getFunctionParameterDefinitions() {
            return parameters;
        }

        @Override
        public boolean hasVarArgs() {
            return false;
        }

        @Override
        public void validatePreEvaluation(Token token, EvaluationValue... arguments) {
        }

        @Override
        public EvaluationValue evaluate(Expression expression, Token token, EvaluationValue... arguments) {
            if (anyMissing(arguments)) {
                return EvaluationValue.nullValue();
            }
            return number(f.applyAsDouble(Arrays.stream(arguments).mapToDouble(DerivedExpression::doubleOf).toArray()));
        }
    }

    /** {@code if(condition, then, else)}: evaluates only the branch taken; a missing condition is missing. */
    private static final class IfFunction implements FunctionIfc {
        private static final List<FunctionParameterDefinition> PARAMETERS = List.of(
                FunctionParameterDefinition.builder().name("condition").build(),
                FunctionParameterDefinition.builder().name("then").isLazy(true).build(),
                FunctionParameterDefinition.builder().name("else").isLazy(true).build());

        @Override
        public List<FunctionParameterDefinition> getFunctionParameterDefinitions() {
            return PARAMETERS;
        }

        @Override
        public boolean hasVarArgs() {
            return false;
        }

        @Override
        public void validatePreEvaluation(Token token, EvaluationValue... arguments) {
        }

        @Override
        public EvaluationValue evaluate(Expression expression, Token token, EvaluationValue... arguments)
                throws EvaluationException {
            if (arguments[0].isNullValue()) {
                return EvaluationValue.nullValue();
            }
            ASTNode branch = (doubleOf(arguments[0]) != 0 ? arguments[1] : arguments[2]).getExpressionNode();
            return expression.evaluateSubtree(branch);
        }
    }
}
