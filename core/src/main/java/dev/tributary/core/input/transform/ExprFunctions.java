package dev.tributary.core.input.transform;

import dev.tributary.core.aggregation.Values;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The operators and functions of ingest-time expressions, with Druid's SQL-compatible null
 * handling: an operator or function given a null operand returns null (except {@code nvl},
 * {@code if} and the logical operators).
 */
final class ExprFunctions {
    private ExprFunctions() {
    }

    static Expr binary(String op, Expr left, Expr right) {
        return switch (op) {
            case "&&" -> fields -> truthy(left.eval(fields)) && truthy(right.eval(fields)) ? 1L : 0L;
            case "||" -> fields -> truthy(left.eval(fields)) || truthy(right.eval(fields)) ? 1L : 0L;
            default -> fields -> apply(op, left.eval(fields), right.eval(fields));
        };
    }

    private static Object apply(String op, Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (op.equals("+") && (a instanceof String || b instanceof String)
                && (Values.toDouble(a) == null || Values.toDouble(b) == null)) {
            return String.valueOf(a) + b;
        }
        if (op.equals("==") || op.equals("!=")) {
            boolean equal = isNumber(a) && isNumber(b)
                    ? Values.toDouble(a).doubleValue() == Values.toDouble(b).doubleValue()
                    : Objects.equals(String.valueOf(a), String.valueOf(b));
            return equal == op.equals("==") ? 1L : 0L;
        }
        Double x = Values.toDouble(a);
        Double y = Values.toDouble(b);
        if (x == null || y == null) {
            if (op.length() <= 2 && "<<=>>=".contains(op)) {
                int c = String.valueOf(a).compareTo(String.valueOf(b));
                return compare(op, c) ? 1L : 0L;
            }
            return null;
        }
        boolean longs = isLong(a) && isLong(b);
        return switch (op) {
            case "+" -> longs ? (Object) (Values.toLong(a) + Values.toLong(b)) : x + y;
            case "-" -> longs ? (Object) (Values.toLong(a) - Values.toLong(b)) : x - y;
            case "*" -> longs ? (Object) (Values.toLong(a) * Values.toLong(b)) : x * y;
            case "/" -> longs ? (Values.toLong(b) == 0 ? null : (Object) (Values.toLong(a) / Values.toLong(b))) : x / y;
            case "%" -> longs ? (Values.toLong(b) == 0 ? null : (Object) (Values.toLong(a) % Values.toLong(b))) : x % y;
            default -> compare(op, Double.compare(x, y)) ? 1L : 0L;
        };
    }

    private static boolean compare(String op, int c) {
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private static boolean isNumber(Object o) {
        return o instanceof Number;
    }

    private static boolean isLong(Object o) {
        return o instanceof Long || o instanceof Integer || (o instanceof String s && isWhole(s));
    }

    private static boolean isWhole(String s) {
        try {
            Long.parseLong(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return Boolean.parseBoolean(String.valueOf(value));
    }

    static Expr call(String name, List<Expr> args, ExprParser.Errors errors) {
        return switch (name) {
            case "concat" -> fields -> {
                StringBuilder sb = new StringBuilder();
                for (Expr arg : args) {
                    Object value = arg.eval(fields);
                    if (value == null) {
                        return null;
                    }
                    sb.append(text(value));
                }
                return sb.toString();
            };
            case "lower" -> unaryText(name, args, errors, s -> s.toLowerCase(Locale.ROOT));
            case "upper" -> unaryText(name, args, errors, s -> s.toUpperCase(Locale.ROOT));
            case "trim" -> unaryText(name, args, errors, String::trim);
            case "strlen" -> {
                arity(name, args, 1, errors);
                yield fields -> {
                    Object v = args.get(0).eval(fields);
                    return v == null ? null : (Object) (long) text(v).length();
                };
            }
            case "substring" -> {
                arity(name, args, 3, errors);
                yield fields -> {
                    Object v = args.get(0).eval(fields);
                    Long from = Values.toLong(args.get(1).eval(fields));
                    Long length = Values.toLong(args.get(2).eval(fields));
                    if (v == null || from == null || length == null) {
                        return null;
                    }
                    String s = text(v);
                    int start = (int) Math.min(Math.max(from, 0), s.length());
                    int end = length < 0 ? s.length() : (int) Math.min(s.length(), start + length);
                    return s.substring(start, end);
                };
            }
            case "replace" -> {
                arity(name, args, 3, errors);
                yield fields -> {
                    Object v = args.get(0).eval(fields);
                    Object pattern = args.get(1).eval(fields);
                    Object replacement = args.get(2).eval(fields);
                    return v == null || pattern == null || replacement == null ? null
                            : text(v).replace(text(pattern), text(replacement));
                };
            }
            case "nvl" -> {
                arity(name, args, 2, errors);
                yield fields -> {
                    Object v = args.get(0).eval(fields);
                    return v != null ? v : args.get(1).eval(fields);
                };
            }
            case "if" -> {
                arity(name, args, 3, errors);
                yield fields -> truthy(args.get(0).eval(fields)) ? args.get(1).eval(fields) : args.get(2).eval(fields);
            }
            case "abs" -> {
                arity(name, args, 1, errors);
                yield fields -> {
                    Object v = args.get(0).eval(fields);
                    if (v == null || Values.toDouble(v) == null) {
                        return null;
                    }
                    return isLong(v) ? (Object) Math.abs(Values.toLong(v)) : Math.abs(Values.toDouble(v));
                };
            }
            default -> throw errors.error("function '" + name + "' is not supported; use one of "
                    + "[abs, concat, if, lower, nvl, replace, strlen, substring, trim, upper]");
        };
    }

    private static Expr unaryText(String name, List<Expr> args, ExprParser.Errors errors,
            java.util.function.UnaryOperator<String> f) {
        arity(name, args, 1, errors);
        return fields -> {
            Object v = args.get(0).eval(fields);
            return v == null ? null : f.apply(text(v));
        };
    }

    private static void arity(String name, List<Expr> args, int expected, ExprParser.Errors errors) {
        if (args.size() != expected) {
            throw errors.error(name + "() takes " + expected + " argument(s), not " + args.size());
        }
    }

    private static String text(Object value) {
        return Values.toText(value);
    }
}
