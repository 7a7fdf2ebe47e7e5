package dev.liftoff.analysis;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

    private final String template;
    private final List<PromQlScanner.Part> parts;
    private final Set<String> placeholders;

    private PromQlTemplate(String template, List<PromQlScanner.Part> parts) {
        this.template = template;
        this.parts = List.copyOf(parts);
        Set<String> names = new LinkedHashSet<>();
        for (PromQlScanner.Part part : parts) {
            if (part instanceof PromQlScanner.Hole hole) {
                names.add(hole.name());
            }
        }
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
        return new PromQlTemplate(template, new PromQlScanner(template).parts());
    }

    /**
     * The query as sent: each placeholder replaced by its value, escaped for the literal it stands in.
     *
     * @throws IllegalArgumentException when a value holds a broken Unicode character
     */
    public String render(ReleaseLabels labels) {
        Map<String, String> values = labels.asMap();
        StringBuilder query = new StringBuilder(template.length() + 32);
        for (PromQlScanner.Part part : parts) {
            if (part instanceof PromQlScanner.Text text) {
                query.append(text.text());
            } else if (part instanceof PromQlScanner.Hole hole) {
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
}
