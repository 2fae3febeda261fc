package dev.tributary.core.input.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the subset of Druid's expression language that ingest-time transforms need: identifiers
 * (bare or in double quotes), 'string' and numeric literals, unary {@code -} and {@code !}, the binary
 * operators {@code * / % + - < <= > >= == != && ||} with the usual precedence, and the functions of
 * {@link ExprFunctions}. Anything else is refused with the position of the problem.
 */
public final class ExprParser {
    private final String text;
    private int pos;

    private ExprParser(String text) {
        this.text = text;
    }

    /** Parses an expression; {@link IllegalArgumentException} says what is wrong and where. */
    public static Expr parse(String text) {
        ExprParser parser = new ExprParser(text);
        Expr expr = parser.binary(0);
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected '" + text.substring(parser.pos) + "'");
        }
        return expr;
    }

    private static final List<List<String>> LEVELS = List.of(
            List.of("||"), List.of("&&"), List.of("==", "!=", "<=", ">=", "<", ">"), List.of("+", "-"), List.of("*", "/", "%"));

    private Expr binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (true) {
            skipSpace();
            String op = null;
            for (String candidate : LEVELS.get(level)) {
                if (text.startsWith(candidate, pos)) {
                    op = candidate;
                    break;
                }
            }
            if (op == null) {
                return left;
            }
            pos += op.length();
            Expr right = binary(level + 1);
            left = ExprFunctions.binary(op, left, right);
        }
    }

    private Expr unary() {
        skipSpace();
        if (peek('-')) {
            pos++;
            Expr operand = unary();
            return ExprFunctions.binary("-", fields -> 0L, operand);
        }
        if (peek('!')) {
            pos++;
            Expr operand = unary();
            return fields -> ExprFunctions.truthy(operand.eval(fields)) ? 0L : 1L;
        }
        return primary();
    }

    private Expr primary() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("expression ends too early");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expr inner = binary(0);
            expect(')');
            return inner;
        }
        if (c == '\'') {
            String literal = quoted('\'');
            return fields -> literal;
        }
        if (c == '"') {
            String name = quoted('"');
            return fields -> fields.get(name);
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_' || c == '$') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || text.charAt(pos) == '$' || text.charAt(pos) == '.')) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipSpace();
            if (peek('(')) {
                pos++;
                List<Expr> args = new ArrayList<>();
                skipSpace();
                if (!peek(')')) {
                    do {
                        args.add(binary(0));
                        skipSpace();
                    } while (consume(','));
                }
                expect(')');
                return ExprFunctions.call(name.toLowerCase(Locale.ROOT), args, this::error);
            }
            if (name.equalsIgnoreCase("null")) {
                return fields -> null;
            }
            return fields -> fields.get(name);
        }
        throw error("unexpected '" + c + "'");
    }

    private Expr number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || ".eE".indexOf(text.charAt(pos)) >= 0
                || ((text.charAt(pos) == '-' || text.charAt(pos) == '+') && "eE".indexOf(text.charAt(pos - 1)) >= 0))) {
            pos++;
        }
        String literal = text.substring(start, pos);
        try {
            if (literal.contains(".") || literal.contains("e") || literal.contains("E")) {
                double value = Double.parseDouble(literal);
                return fields -> value;
            }
            long value = Long.parseLong(literal);
            return fields -> value;
        } catch (NumberFormatException e) {
            throw error("'" + literal + "' is not a number");
        }
    }

    private String quoted(char quote) {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            sb.append(c);
        }
        if (pos >= text.length()) {
            throw error("unterminated " + quote + "quoted text");
        }
        pos++;
        return sb.toString();
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean consume(char c) {
        if (peek(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        skipSpace();
        if (!consume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("expression \"" + text + "\" at position " + pos + ": " + problem);
    }

    /** For functions: reports a problem at the current position. */
    interface Errors {
        IllegalArgumentException error(String problem);
    }

}
