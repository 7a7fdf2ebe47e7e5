package dev.liftoff.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Splits a PromQL template into the text as written and its placeholders, knowing PromQL's strings
 * (double, single and backtick quotes, with escapes in the first two) and its {@code #} comments.
 */
final class PromQlScanner {

    /** a piece of the query as written, or a placeholder with how its value is escaped */
    sealed interface Part permits Text, Hole {
    }

    record Text(String text) implements Part {
    }

    /**
     * @param quote the delimiter of the literal it stands in
     * @param regex whether that literal is the right-hand side of =~ or !~
     */
    record Hole(String name, char quote, boolean regex) implements Part {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final String EXAMPLE = "write it inside a quoted label value, e.g. {service=\"{{service}}\"}";

    private final String source;
    private final List<Part> parts = new ArrayList<>();
    private int done;

    PromQlScanner(String source) {
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
