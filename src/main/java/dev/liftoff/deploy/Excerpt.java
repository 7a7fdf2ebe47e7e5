package dev.liftoff.deploy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Cuts what a deploy target answered down to a size that fits into evidence and messages. */
final class Excerpt {

    static final int MAX_BYTES = 2048;

    /** A UTF-8 character has at most three bytes after its first; binary output is cut anywhere. */
    private static final int MAX_CONTINUATION_BYTES = 3;

    private Excerpt() {
    }

    /** The first {@link #MAX_BYTES} bytes, never ending inside a UTF-8 character. */
    static String head(byte[] bytes) {
        if (bytes.length <= MAX_BYTES) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        int end = MAX_BYTES;
        while (end > MAX_BYTES - MAX_CONTINUATION_BYTES && isContinuationByte(bytes[end])) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /**
     * The last {@link #MAX_BYTES} of the first {@code length} bytes, never starting inside a UTF-8
     * character, even when the bytes themselves were cut from a longer output.
     */
    static String tail(byte[] bytes, int length) {
        int start = Math.max(0, length - MAX_BYTES);
        int firstCharacterBy = Math.min(length, start + MAX_CONTINUATION_BYTES);
        while (start < firstCharacterBy && isContinuationByte(bytes[start])) {
            start++;
        }
        return new String(Arrays.copyOfRange(bytes, start, length), StandardCharsets.UTF_8);
    }

    /** A sentence about a target's answer, followed by what it said. */
    static String withExcerpt(String sentence, String excerpt) {
        String said = excerpt.strip();
        return said.isEmpty() ? sentence + " (no output)" : sentence + ": " + said;
    }

    private static boolean isContinuationByte(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
