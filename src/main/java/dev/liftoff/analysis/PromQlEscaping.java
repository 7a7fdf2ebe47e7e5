package dev.liftoff.analysis;

/**
 * Turns a value into text that stands for exactly that value inside a PromQL string literal, and
 * inside a regular expression (RE2, as Prometheus' {@code =~} and {@code !~} matchers read them).
 */
final class PromQlEscaping {

    /** what RE2 reads as syntax rather than as the character itself (Go's regexp.QuoteMeta escapes these) */
    private static final String RE2_META = "\\.+*?()|[]{}^$";

    private PromQlEscaping() {
    }

    /**
     * @param quote the literal's delimiter, {@code "} or {@code '}: only that one may be escaped
     *     (PromQL refuses {@code \'} inside double quotes and {@code \"} inside single quotes)
     * @throws IllegalArgumentException when the value holds a lone surrogate, which no literal can carry
     */
    static String literal(String value, char quote) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == quote) {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw new IllegalArgumentException("the value holds a broken Unicode character at " + i + ": " + value);
                }
                out.append(c).append(value.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** a regular expression that matches exactly {@code value} (Prometheus anchors it at both ends) */
    static String regex(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (RE2_META.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
