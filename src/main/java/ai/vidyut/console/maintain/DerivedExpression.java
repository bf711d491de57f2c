package ai.vidyut.console.maintain;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.config.MapBasedFunctionDictionary;
import com.ezylang.evalex.config.MapBasedOperatorDictionary;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.AbstractFunction;
import com.ezylang.evalex.functions.FunctionIfc;
import com.ezylang.evalex.functions.FunctionParameter;
import com.ezylang.evalex.functions.FunctionParameterDefinition;
import com.ezylang.evalex.functions.basic.AbsFunction;
import com.ezylang.evalex.functions.basic.IfFunction;
import com.ezylang.evalex.functions.basic.LogFunction;
import com.ezylang.evalex.functions.basic.MaxFunction;
import com.ezylang.evalex.functions.basic.MinFunction;
import com.ezylang.evalex.functions.basic.SqrtFunction;
import com.ezylang.evalex.operators.OperatorIfc;
import com.ezylang.evalex.operators.arithmetic.InfixDivisionOperator;
import com.ezylang.evalex.operators.arithmetic.InfixMinusOperator;
import com.ezylang.evalex.operators.arithmetic.InfixMultiplicationOperator;
import com.ezylang.evalex.operators.arithmetic.InfixPlusOperator;
import com.ezylang.evalex.operators.arithmetic.InfixPowerOfOperator;
import com.ezylang.evalex.operators.arithmetic.PrefixMinusOperator;
import com.ezylang.evalex.operators.arithmetic.PrefixPlusOperator;
import com.ezylang.evalex.operators.booleans.InfixEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixGreaterEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixGreaterOperator;
import com.ezylang.evalex.operators.booleans.InfixLessEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixLessOperator;
import com.ezylang.evalex.operators.booleans.InfixNotEqualsOperator;
import com.ezylang.evalex.parser.ASTNode;
import com.ezylang.evalex.parser.ParseException;
import com.ezylang.evalex.parser.Token;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A derived-column expression parsed and evaluated by EvalEx, restricted to the console's expression language: the
 * operators {@code + - * / ^ < <= > >= == !=}, the functions {@code log exp sqrt abs min max if}, number literals,
 * columns, and text literals only as {@code column == 'text'} (or {@code !=}). EvalEx has no method calls, object
 * creation, reflection or I/O; its other functions (text, date-time, random), constants, arrays, structures and
 * implicit multiplication are not offered.
 * <p>
 * A missing input makes every operator and function it reaches (other than an {@code if} branch not taken) missing,
 * and an undefined result (division by zero, the log or square root of a negative number, an overflow) is missing.
 */
final class DerivedExpression {

    /** The allowed functions by lower-case name, in the order error messages list them. */
    private static final Map<String, FunctionIfc> FUNCTIONS = functions();

    private static final ExpressionConfiguration LANGUAGE = ExpressionConfiguration.builder()
            .operatorDictionary(MapBasedOperatorDictionary.ofOperators(
                    sign("+", new PrefixPlusOperator()), sign("-", new PrefixMinusOperator()),
                    operator("+", new InfixPlusOperator()), operator("-", new InfixMinusOperator()),
                    operator("*", new InfixMultiplicationOperator()), operator("/", new InfixDivisionOperator()),
                    operator("^", new InfixPowerOfOperator()),
                    operator("==", new InfixEqualsOperator()), operator("!=", new InfixNotEqualsOperator()),
                    operator("<", new InfixLessOperator()), operator("<=", new InfixLessEqualsOperator()),
                    operator(">", new InfixGreaterOperator()), operator(">=", new InfixGreaterEqualsOperator())))
            .functionDictionary(MapBasedFunctionDictionary.ofFunctions(
                    FUNCTIONS.entrySet().toArray(Map.Entry[]::new)))
            .defaultConstants(Map.of())
            .arraysAllowed(false)
            .structuresAllowed(false)
            .implicitMultiplicationAllowed(false)
            .singleQuoteStringLiteralsAllowed(true)
            .mathContext(MathContext.DECIMAL128)
            .build();

    private static Map<String, FunctionIfc> functions() {
        Map<String, FunctionIfc> f = new LinkedHashMap<>();
        f.put("log", new MissingPropagatingFunction(new LogFunction()));
        f.put("exp", new MissingPropagatingFunction(new ExpFunction()));
        f.put("sqrt", new MissingPropagatingFunction(new SqrtFunction()));
        f.put("abs", new MissingPropagatingFunction(new AbsFunction()));
        f.put("min", new MissingPropagatingFunction(new MinFunction()));
        f.put("max", new MissingPropagatingFunction(new MaxFunction()));
        f.put("if", new MissingPropagatingFunction(new IfFunction()));
        return f;
    }

    private static Map.Entry<String, OperatorIfc> operator(String symbol, OperatorIfc operator) {
        return Map.entry(symbol, new MissingPropagatingOperator(operator, operator.getPrecedence()));
    }

    /**
     * A sign binds as tightly as {@code ^} (which is right-associative), so {@code -x^2} is {@code -(x^2)} and
     * {@code 2^-1} is {@code 2^(-1)}. (EvalEx's own choices give {@code (-x)^2}, or with a higher power precedence
     * let the sign in {@code 2^-1*4} pop the {@code ^} before its right operand exists.)
     */
    private static Map.Entry<String, OperatorIfc> sign(String symbol, OperatorIfc operator) {
        return Map.entry(symbol, new MissingPropagatingOperator(operator, OperatorIfc.OPERATOR_PRECEDENCE_POWER));
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
            boolean wholeExpression = references.translated().equals(e.getTokenString());
            throw wholeExpression ? new IllegalArgumentException(message)
                    : problem(references, message, e.getStartPosition());
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
        Expression expression;
        try {
            expression = new Expression(parsed);
        } catch (ParseException e) {
            throw new IllegalStateException("a parsed expression failed to parse again", e);
        }
        for (String variable : references.variables()) {
            String column = references.column(variable);
            expression.getDataAccessor().setData(variable,
                    textVariables.contains(variable) ? text(row.text(column)) : number(row.number(column)));
        }
        try {
            EvaluationValue result = expression.evaluate();
            if (result.isBooleanValue()) {
                return result.getBooleanValue() ? 1 : 0;
            }
            double value = result.isNumberValue() ? result.getNumberValue().doubleValue() : Double.NaN;
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (EvaluationException | ArithmeticException | NumberFormatException undefined) {
            // EvalEx reports division by zero and log/sqrt of a negative number with EvaluationException; BigDecimal
            // overflow is an ArithmeticException, and an infinite double result a NumberFormatException
            return Double.NaN;
        } catch (ParseException e) {
            throw new IllegalStateException("a parsed expression failed to parse again", e);
        }
    }

    private static EvaluationValue text(String cell) {
        return cell == null || Table.isMissing(cell) ? EvaluationValue.nullValue()
                : EvaluationValue.stringValue(cell.trim());
    }

    private static EvaluationValue number(double value) {
        return Double.isFinite(value) ? EvaluationValue.numberValue(BigDecimal.valueOf(value))
                : EvaluationValue.nullValue();
    }

    /** Missing (null) operands make the result missing; comparison results count as 1 and 0 in arithmetic. */
    private static boolean anyMissing(EvaluationValue[] values, FunctionIfc function) {
        for (int i = 0; i < values.length; i++) {
            if ((function == null || !function.isParameterLazy(i)) && values[i].isNullValue()) {
                return true;
            }
        }
        return false;
    }

    private static EvaluationValue[] booleansAsNumbers(EvaluationValue[] values) {
        EvaluationValue[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i].isBooleanValue()) {
                out[i] = EvaluationValue.numberValue(out[i].getBooleanValue() ? BigDecimal.ONE : BigDecimal.ZERO);
            }
        }
        return out;
    }

    private record MissingPropagatingOperator(OperatorIfc operator, int precedence) implements OperatorIfc {
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
            return operator.isLeftAssociative();
        }

        @Override
        public boolean isPrefix() {
            return operator.isPrefix();
        }

        @Override
        public boolean isPostfix() {
            return operator.isPostfix();
        }

        @Override
        public boolean isInfix() {
            return operator.isInfix();
        }

        @Override
        public boolean isOperandLazy() {
            return false;
        }

        @Override
        public EvaluationValue evaluate(Expression expression, Token token, EvaluationValue... operands)
                throws EvaluationException {
            if (anyMissing(operands, null)) {
                return EvaluationValue.nullValue();
            }
            return operator.evaluate(expression, token, booleansAsNumbers(operands));
        }
    }

    private record MissingPropagatingFunction(FunctionIfc function) implements FunctionIfc {
        @Override
        public List<FunctionParameterDefinition> getFunctionParameterDefinitions() {
            return function.getFunctionParameterDefinitions();
        }

        @Override
        public boolean hasVarArgs() {
            return function.hasVarArgs();
        }

        @Override
        public void validatePreEvaluation(Token token, EvaluationValue... parameters) throws EvaluationException {
            if (!anyMissing(parameters, function)) {
                function.validatePreEvaluation(token, booleansAsNumbers(parameters));
            }
        }

        @Override
        public EvaluationValue evaluate(Expression expression, Token token, EvaluationValue... parameters)
                throws EvaluationException {
            if (anyMissing(parameters, function)) {
                return EvaluationValue.nullValue();
            }
            return function.evaluate(expression, token, booleansAsNumbers(parameters));
        }
    }

    /** e to the power of the value (EvalEx has no exp). */
    @FunctionParameter(name = "value")
    private static final class ExpFunction extends AbstractFunction {
        @Override
        public EvaluationValue evaluate(Expression expression, Token token, EvaluationValue... parameters)
                throws EvaluationException {
            double value = Math.exp(parameters[0].getNumberValue().doubleValue());
            if (!Double.isFinite(value)) {
                throw new EvaluationException(token, "exp overflows");
            }
            return expression.convertDoubleValue(value);
        }
    }
}
