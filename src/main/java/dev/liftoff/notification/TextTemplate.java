package dev.liftoff.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text file under {@code templates/} with {@code {{name}}} placeholders, so wording is edited in
 * the file, not in code. A placeholder without a value is an error, not an empty gap.
 */
public final class TextTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");

    private final String name;
    private final String text;

    private TextTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    public static TextTemplate load(String fileName) {
        return new TextTemplate(resource(fileName), read(fileName));
    }

    /** a template of text that came from the file {@code name} */
    static TextTemplate of(String name, String text) {
        return new TextTemplate(name, text);
    }

    static String resource(String fileName) {
        return "templates/" + fileName;
    }

    static String read(String fileName) {
        String resource = resource(fileName);
        try (InputStream in = TextTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resource, e);
        }
    }

    public String render(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("template " + name + " uses {{" + matcher.group(1) + "}}, which has no value");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
