package dev.liftoff.verification;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether two commit SHAs name the same commit, short or full. */
final class Commits {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,}");

    private Commits() {
    }

    /** case-insensitive; a short SHA (7+ hex digits) matches a longer one that starts with it */
    static boolean same(String expected, String seen) {
        if (expected == null || seen == null) {
            return false;
        }
        String a = expected.strip().toLowerCase(Locale.ROOT);
        String b = seen.strip().toLowerCase(Locale.ROOT);
        if (a.equals(b)) {
            return true;
        }
        return SHA.matcher(a).matches() && SHA.matcher(b).matches() && (a.startsWith(b) || b.startsWith(a));
    }
}
