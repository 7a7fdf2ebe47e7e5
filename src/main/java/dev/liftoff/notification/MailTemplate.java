package dev.liftoff.notification;

import java.util.Map;

/**
 * A mail's wording in a file under {@code templates/}: a first line {@code Subject: ...}, a blank
 * line, then the text, both with {@code {{name}}} placeholders ({@link TextTemplate}).
 */
public final class MailTemplate {

    private static final String SUBJECT = "Subject: ";

    private final TextTemplate subject;
    private final TextTemplate text;

    private MailTemplate(TextTemplate subject, TextTemplate text) {
        this.subject = subject;
        this.text = text;
    }

    public static MailTemplate load(String fileName) {
        String content = TextTemplate.read(fileName).replace("\r\n", "\n");
        String name = TextTemplate.resource(fileName);
        int endOfSubject = content.indexOf("\n\n");
        if (!content.startsWith(SUBJECT) || endOfSubject < 0 || content.substring(0, endOfSubject).contains("\n")) {
            throw new IllegalStateException("mail template " + name + " must start with one line 'Subject: ...' and a blank line");
        }
        return new MailTemplate(TextTemplate.of(name + " (subject)", content.substring(SUBJECT.length(), endOfSubject).strip()),
                TextTemplate.of(name, content.substring(endOfSubject + 2)));
    }

    public Mail render(Map<String, String> values) {
        return new Mail(subject.render(values), text.render(values));
    }

    /** A mail's subject and plain text. */
    public record Mail(String subject, String text) {
    }
}
