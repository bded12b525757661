package org.beyondlazy.core.optim;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.beyondlazy.core.SpecRef;

/**
 * A learning rate written as a user's code computed it (spec E9.15): a decimal number, or an arithmetic
 * expression of numbers with {@code + - * /}, {@code **} (power), parentheses and unary minus, such as
 * {@code 2/100} or {@code 1.5*2/216}. Evaluated in double precision left to right as Python would, so the
 * value equals the one the user's program used.
 */
@SpecRef("E9.15")
public final class LearningRateExpression {
    private final String text;
    private int pos;

    private LearningRateExpression(String text) {
        this.text = text;
    }

    /**
     * @param option the option name, for messages
     * @return the value (finite; its sign is not checked)
     * @throws BeyondLazyException {@link ErrorCode#INVALID_INPUT} when the text is not an expression or its value
     *                             is not finite
     */
    public static double parse(String option, String text) {
        LearningRateExpression p = new LearningRateExpression(text);
        double value;
        try {
            value = p.sum();
            p.skipSpaces();
            if (p.pos != text.length()) {
                throw p.error("unexpected '" + text.charAt(p.pos) + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new BeyondLazyException(ErrorCode.INVALID_INPUT, option, "'" + text + "' is not a number or an arithmetic expression ("
                    + e.getMessage() + "; use digits, + - * / ** and parentheses)");
        }
        if (!Double.isFinite(value)) {
            throw new BeyondLazyException(ErrorCode.INVALID_INPUT, option, "'" + text + "' evaluates to " + value);
        }
        return value;
    }

    private double sum() {
        double v = product();
        while (true) {
            skipSpaces();
            if (eat('+')) {
                v += product();
            } else if (eat('-')) {
                v -= product();
            } else {
                return v;
            }
        }
    }

    private double product() {
        double v = unary();
        while (true) {
            skipSpaces();
            if (peek('*') && !peekPower()) {
                pos++;
                v *= unary();
            } else if (eat('/')) {
                v /= unary();
            } else {
                return v;
            }
        }
    }

    private double unary() {
        skipSpaces();
        if (eat('-')) {
            return -unary();
        }
        if (eat('+')) {
            return unary();
        }
        return power();
    }

    private double power() {
        double base = atom();
        skipSpaces();
        if (peekPower()) {
            pos += 2;
            return Math.pow(base, unary()); // right-associative, binds tighter than unary minus on its left
        }
        return base;
    }

    private double atom() {
        skipSpaces();
        if (eat('(')) {
            double v = sum();
            skipSpaces();
            if (!eat(')')) {
                throw error("missing ')'");
            }
            return v;
        }
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E') && pos > start) {
            int save = pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            int digits = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos == digits) {
                pos = save;
            }
        }
        if (pos == start) {
            throw error(pos < text.length() ? "unexpected '" + text.charAt(pos) + "'" : "missing a number at the end");
        }
        try {
            return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("bad number '" + text.substring(start, pos) + "'");
        }
    }

    private boolean peekPower() {
        return pos + 1 < text.length() && text.charAt(pos) == '*' && text.charAt(pos + 1) == '*';
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean eat(char c) {
        if (peek(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at position " + pos);
    }
}
