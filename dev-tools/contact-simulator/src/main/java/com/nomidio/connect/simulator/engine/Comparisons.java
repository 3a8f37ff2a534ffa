package com.nomidio.connect.simulator.engine;

import com.nomidio.connect.flows.catalog.ConditionRule;
import java.math.BigDecimal;
import java.util.List;

/**
 * The flow language's condition operators (the catalog's {@link ConditionRule#OPERATORS}) on a value: text
 * operators compare exactly (case-sensitive, as the Nomidio flows' HIGH/High/high conditions assume), number
 * operators compare numerically and never match text that is not a number. An absent value matches nothing.
 */
public final class Comparisons {

    private Comparisons() {
    }

    public static boolean matches(String operator, List<String> operands, String value) {
        if (!ConditionRule.OPERATORS.contains(operator)) {
            throw new SimulationStopped("condition operator '" + operator + "' is not one the flow language knows");
        }
        if (value == null || operands.isEmpty()) {
            return false;
        }
        String operand = operands.getFirst();
        return switch (operator) {
            case "Equals" -> value.equals(operand);
            case "TextStartsWith" -> value.startsWith(operand);
            case "TextEndsWith" -> value.endsWith(operand);
            case "TextContains" -> value.contains(operand);
            default -> compareNumbers(operator, value, operand);
        };
    }

    private static boolean compareNumbers(String operator, String value, String operand) {
        BigDecimal left = number(value);
        BigDecimal right = number(operand);
        if (left == null || right == null) {
            return false;
        }
        int order = left.compareTo(right);
        return switch (operator) {
            case "NumberGreaterThan" -> order > 0;
            case "NumberGreaterOrEqualTo" -> order >= 0;
            case "NumberLessThan" -> order < 0;
            case "NumberLessOrEqualTo" -> order <= 0;
            default -> throw new IllegalStateException(operator);
        };
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
