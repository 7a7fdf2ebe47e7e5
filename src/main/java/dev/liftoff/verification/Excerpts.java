package dev.liftoff.verification;

import java.nio.charset.StandardCharsets;

/**
 * Short, single-line extracts of what an environment sent, small enough to keep as evidence in
 * a process variable and to show in a Tasklist form.
 */
final class Excerpts {

    static final int MAX_BYTES = 2048;
    private static final String CUT = "…";

    private Excerpts() {
    }

    /** the text on one line, at most {@link #MAX_BYTES} bytes of UTF-8, never split inside a character */
    static String of(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return line;
        }
        int room = MAX_BYTES - CUT.getBytes(StandardCharsets.UTF_8).length;
        return line.substring(0, fittingPrefix(line, room)) + CUT;
    }

    /** the text cut to {@code maxChars} characters, for one-line summaries */
    static String shorten(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + CUT;
    }

    /** the length in chars of the longest prefix of {@code text} that fits in {@code maxBytes} of UTF-8 */
    private static int fittingPrefix(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            bytes += utf8Length(codePoint);
            if (bytes > maxBytes) {
                break;
            }
            end += Character.charCount(codePoint);
        }
        return end;
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
