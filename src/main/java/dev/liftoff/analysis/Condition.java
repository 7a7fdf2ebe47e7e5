package dev.liftoff.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a measurement passes, such as {@code result < 0.05} or {@code result >= 0.9 and result <= 1}:
 * comparisons of {@code result} with a number ({@code < <= > >= == !=}), joined by {@code and}
 * ({@code &&}) and {@code or} ({@code ||}), where {@code and} binds tighter than {@code or}. A
 * measurement that is NaN satisfies no comparison, {@code !=} included.
 */
public final class Condition {

    private static final String FORM = "write comparisons of result with a number joined by and / or,"
            + " e.g. \"result < 0.05\" or \"result >= 0.9 and result <= 1\"";
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<number>[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)"
                    + "|(?<op><=|>=|==|!=|<|>)|(?<join>&&|\\|\\|)|(?<word>[A-Za-z_][A-Za-z0-9_]*))");

    private final String text;
    /** any of these groups passes when all of its comparisons pass */
    private final List<List<DoublePredicate>> anyOfAll;

    private Condition(String text, List<List<DoublePredicate>> anyOfAll) {
        this.text = text;
        this.anyOfAll = anyOfAll;
    }

    /** @throws IllegalArgumentException naming what does not parse, where, and showing the form */
    public static Condition parse(String text) {
        Objects.requireNonNull(text, "condition");
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the condition is empty: " + FORM);
        }
        return new Condition(trimmed, new Parser(trimmed).disjunction());
    }

    public boolean test(double result) {
        return anyOfAll.stream().anyMatch(all -> all.stream().allMatch(comparison -> comparison.test(result)));
    }

    /** the condition as written, trimmed */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    private enum Operator {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        static Operator of(String symbol) {
            for (Operator operator : values()) {
                if (operator.symbol.equals(symbol)) {
                    return operator;
                }
            }
            throw new IllegalStateException(symbol);
        }

        DoublePredicate against(double number) {
            DoublePredicate compare = switch (this) {
                case LT -> result -> result < number;
                case LE -> result -> result <= number;
                case GT -> result -> result > number;
                case GE -> result -> result >= number;
                case EQ -> result -> result == number;
                case NE -> result -> result != number;
            };
            // Java's != holds for NaN; a measurement that is not a number passes nothing
            return result -> !Double.isNaN(result) && compare.test(result);
        }
    }

    /** comparison (("and" | "&&") comparison)* (("or" | "||") ...)*, one token at a time */
    private static final class Parser {

        private final String source;
        private int at;

        Parser(String source) {
            this.source = source;
        }

        List<List<DoublePredicate>> disjunction() {
            List<List<DoublePredicate>> anyOf = new ArrayList<>();
            List<DoublePredicate> allOf = new ArrayList<>();
            allOf.add(comparison());
            while (at < source.length()) {
                String join = join(next("'and' or 'or' after a comparison"));
                if (join.equals("and")) {
                    allOf.add(comparison());
                } else {
                    anyOf.add(List.copyOf(allOf));
                    allOf = new ArrayList<>();
                    allOf.add(comparison());
                }
            }
            anyOf.add(List.copyOf(allOf));
            return List.copyOf(anyOf);
        }

        private DoublePredicate comparison() {
            Matcher subject = next("'result' to start a comparison");
            if (!"result".equalsIgnoreCase(subject.group("word"))) {
                throw unexpected(subject, "'result' to start a comparison");
            }
            Matcher operator = next("an operator (< <= > >= == !=) after 'result'");
            if (operator.group("op") == null) {
                throw unexpected(operator, "an operator (< <= > >= == !=) after 'result'");
            }
            Matcher number = next("a number after '" + operator.group("op") + "'");
            if (number.group("number") == null) {
                throw unexpected(number, "a number after '" + operator.group("op") + "'");
            }
            return Operator.of(operator.group("op")).against(Double.parseDouble(number.group("number")));
        }

        private String join(Matcher token) {
            String join = token.group("join") != null ? token.group("join") : token.group("word");
            if (join != null) {
                switch (join.toLowerCase(Locale.ROOT)) {
                    case "and", "&&" -> {
                        return "and";
                    }
                    case "or", "||" -> {
                        return "or";
                    }
                    default -> {
                    }
                }
            }
            throw unexpected(token, "'and' or 'or' after a comparison");
        }

        private Matcher next(String expected) {
            if (at >= source.length() || source.substring(at).isBlank()) {
                throw new IllegalArgumentException("the condition \"" + source + "\" ends where it needs " + expected + ": " + FORM);
            }
            Matcher token = TOKEN.matcher(source).region(at, source.length());
            if (!token.lookingAt()) {
                int start = at;
                while (start < source.length() && Character.isWhitespace(source.charAt(start))) {
                    start++;
                }
                throw new IllegalArgumentException("the condition \"" + source + "\" cannot be read at character " + (start + 1)
                        + " ('" + source.substring(start) + "'), where it needs " + expected + ": " + FORM);
            }
            at = token.end();
            return token;
        }

        private IllegalArgumentException unexpected(Matcher token, String expected) {
            String found = token.group().trim();
            return new IllegalArgumentException("the condition \"" + source + "\" has '" + found + "' at character "
                    + (token.end() - found.length() + 1) + " where it needs " + expected + ": " + FORM);
        }
    }
}
