package dev.liftoff.config;

import java.net.URI;

/** The one rule for a URL that checks go to: absolute http(s), with a host, no query or fragment. */
final class Urls {

    private Urls() {
    }

    /** null counts as usable: whether it must be set is a question of its own */
    static boolean isBaseUrl(URI url) {
        return url == null
                || (("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                        && url.getHost() != null && url.getQuery() == null && url.getFragment() == null);
    }
}
