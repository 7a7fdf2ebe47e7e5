package dev.liftoff.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A PromQL query with {@code {{service}}}, {@code {{environment}}}, {@code {{version}}} and
 * {@code {{commitSha}}} placeholders, such as
 * {@code sum(rate(http_requests_total{service="{{service}}",version=~"{{version}}"}[5m]))}.
 *
 * <p>A placeholder may only stand inside a string literal in double or single quotes, and its value
 * is escaped for that literal when the query is rendered: a value can never end the literal and add
 * PromQL of its own. On the right-hand side of a regex matcher ({@code =~}, {@code !~}) the value's
 * regex syntax is escaped as well, so that {@code 1.4.0} matches only {@code 1.4.0}.
 */
public final class PromQlTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final String EXAMPLE = "write it inside a quoted label value, e.g. {service=\"{{service}}\"}";

    /** a piece of the query as written, or a placeholder with how its value is escaped */
    private sealed interface Part permits Text, Hole {
    }

    private record Text(String text) implements Part {
    }

    private record Hole(String name, char quote, boolean regex) implements Part {
    }

    private final String template;
    private final List<Part> parts;
    private final Set<String> placeholders;

    private PromQlTemplate(String template, List<Part> parts) {
        this.template = template;
        this.parts = List.copyOf(parts);
        Set<String> names = new LinkedHashSet<>();
        parts.stream().filter(Hole.class::isInstance).map(part -> ((Hole) part).name()).forEach(names::add);
        this.placeholders = Collections.unmodifiableSet(names);
    }

    /**
     * @throws IllegalArgumentException when a placeholder stands outside a quoted string, inside a
     *     backtick string or in a comment, when its name is unknown, or when a string is not closed;
     *     the message names the placeholder, its line:column and how to write it
     */
    public static PromQlTemplate parse(String template) {
        Objects.requireNonNull(template, "template");
        if (template.isBlank()) {
            throw new IllegalArgumentException("the query is empty: write a PromQL query, e.g. sum(rate(http_requests_total{service=\"{{service}}\"}[5m]))");
        }
        return new PromQlTemplate(template, new Scanner(template).parts());
    }

    /**
     * The query as sent: each placeholder replaced by its value, escaped for the literal it stands in.
     *
     * @throws IllegalArgumentException when a value holds a broken Unicode character
     */
    public String render(ReleaseLabels labels) {
        Map<String, String> values = labels.asMap();
        StringBuilder query = new StringBuilder(template.length() + 32);
        for (Part part : parts) {
            if (part instanceof Text text) {
                query.append(text.text());
            } else if (part instanceof Hole hole) {
                String value = values.get(hole.name());
                query.append(PromQlEscaping.literal(hole.regex() ? PromQlEscaping.regex(value) : value, hole.quote()));
            }
        }
        return query.toString();
    }

    /** the query as written */
    public String template() {
        return template;
    }

    /** the placeholder names the query uses, in the order they first appear */
    public Set<String> placeholders() {
        return placeholders;
    }

    @Override
    public String toString() {
        return template;
    }

    /** Splits a template into text and placeholders, knowing PromQL's strings and comments. */
    private static final class Scanner {

        private final String source;
        private final List<Part> parts = new ArrayList<>();
        private int done;

        Scanner(String source) {
            this.source = source;
        }

        List<Part> parts() {
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (c == '"' || c == '\'') {
                    i = quoted(i, c);
                } else if (c == '`') {
                    i = raw(i);
                } else if (c == '#') {
                    i = comment(i);
                } else if (source.startsWith("{{", i)) {
                    refuseOutside(i);
                } else {
                    i++;
                }
            }
            text(source.length());
            return parts;
        }

        /** a "..." or '...' literal from its opening quote; returns the index after its closing quote */
        private int quoted(int open, char quote) {
            boolean regex = afterRegexMatcher(open);
            int i = open + 1;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == quote) {
                    return i + 1;
                } else if (c == '\n') {
                    break;
                } else if (source.startsWith("{{", i)) {
                    i = hole(i, quote, regex);
                } else {
                    i++;
                }
            }
            throw new IllegalArgumentException("the string opened with " + quote + " at " + position(open)
                    + " is not closed on its line: close it with " + quote);
        }

        private int hole(int start, char quote, boolean regex) {
            Matcher placeholder = placeholderAt(start);
            String name = placeholder.group(1);
            if (!ReleaseLabels.NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown placeholder " + placeholder.group() + " at " + position(start)
                        + "; known: " + ReleaseLabels.NAMES.stream().map(n -> "{{" + n + "}}").collect(Collectors.joining(", ")));
            }
            text(start);
            parts.add(new Hole(name, quote, regex));
            done = placeholder.end();
            return done;
        }

        /** a `...` literal: it has no escapes, so no value could be made safe inside it */
        private int raw(int open) {
            int close = source.indexOf('`', open + 1);
            if (close < 0) {
                throw new IllegalArgumentException("the string opened with ` at " + position(open) + " is not closed: close it with `");
            }
            Matcher placeholder = PLACEHOLDER.matcher(source).region(open + 1, close);
            if (placeholder.find()) {
                throw new IllegalArgumentException(placeholder.group() + " at " + position(placeholder.start())
                        + " stands in a backtick string, which has no escapes for its value: use double quotes instead, e.g. "
                        + "{version=~\"{{version}}\"} in place of {version=~`{{version}}`}");
            }
            return close + 1;
        }

        private int comment(int hash) {
            int end = source.indexOf('\n', hash);
            end = end < 0 ? source.length() : end;
            Matcher placeholder = PLACEHOLDER.matcher(source).region(hash, end);
            if (placeholder.find()) {
                throw new IllegalArgumentException(placeholder.group() + " at " + position(placeholder.start())
                        + " stands in a comment, where it would never be replaced: " + EXAMPLE);
            }
            return end;
        }

        private void refuseOutside(int start) {
            Matcher placeholder = PLACEHOLDER.matcher(source);
            String shown = placeholder.find(start) && placeholder.start() == start ? placeholder.group() : "{{";
            throw new IllegalArgumentException(shown + " at " + position(start)
                    + " stands outside a string: a placeholder is replaced by its value only inside a quoted string; " + EXAMPLE);
        }

        private Matcher placeholderAt(int start) {
            Matcher placeholder = PLACEHOLDER.matcher(source);
            if (!placeholder.find(start) || placeholder.start() != start) {
                throw new IllegalArgumentException("'{{' at " + position(start) + " does not open a placeholder: write a placeholder as "
                        + "{{service}}, {{environment}}, {{version}} or {{commitSha}}");
            }
            return placeholder;
        }

        /** whether the literal at {@code open} is the right-hand side of =~ or !~ */
        private boolean afterRegexMatcher(int open) {
            int i = open - 1;
            while (i >= 0 && Character.isWhitespace(source.charAt(i))) {
                i--;
            }
            return i >= 1 && source.charAt(i) == '~' && (source.charAt(i - 1) == '=' || source.charAt(i - 1) == '!');
        }

        private void text(int end) {
            if (end > done) {
                parts.add(new Text(source.substring(done, end)));
                done = end;
            }
        }

        /** line:column, 1-based, as Prometheus reports positions */
        private String position(int index) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < index; i++) {
                if (source.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return line + ":" + (index - lineStart + 1);
        }
    }
}
