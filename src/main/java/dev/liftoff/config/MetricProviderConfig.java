package dev.liftoff.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;

/**
 * One metrics provider, such as a Prometheus server, that metric analyses query.
 *
 * @param url where its HTTP API answers; may carry a path prefix (a Prometheus behind a proxy at
 *     {@code /prom})
 * @param graphUrl where people open its graphs from the evidence (default: {@code url}), for a
 *     server Liftoff reaches at an internal address
 * @param tokenEnv name of the environment variable holding a bearer token (never the token)
 * @param username basic auth user, with {@code passwordEnv}
 * @param passwordEnv name of the environment variable holding the basic auth password
 * @param timeout how long connecting and answering one query may take together (default 10 s)
 * @param sslBundle name of a Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust
 *     material (and key, if any) the connection uses; without it the JDK's default trust store
 */
public record MetricProviderConfig(
        @NotNull(message = "set the provider's type: prometheus") Type type,
        @NotNull(message = "set the provider's url, e.g. http://prometheus.example.com:9090") URI url,
        URI graphUrl,
        String tokenEnv,
        String username,
        String passwordEnv,
        Duration timeout,
        String sslBundle) {

    public enum Type { PROMETHEUS }

    public MetricProviderConfig {
        graphUrl = graphUrl == null ? url : graphUrl;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    /** a Prometheus without authentication or TLS settings */
    public static MetricProviderConfig prometheus(URI url) {
        return new MetricProviderConfig(Type.PROMETHEUS, url, null, null, null, null, null, null);
    }

    @AssertTrue(message = "url must be an absolute http(s) URL without credentials, query or fragment, e.g. http://prometheus.example.com:9090"
            + " (credentials go into token-env, or username and password-env)")
    public boolean isUrlUsable() {
        return url == null || usable(url);
    }

    @AssertTrue(message = "graph-url must be an absolute http(s) URL without credentials, query or fragment, e.g. https://prometheus.example.com")
    public boolean isGraphUrlUsable() {
        return graphUrl == null || usable(graphUrl);
    }

    @AssertTrue(message = "set either token-env (a bearer token) or username with password-env (basic auth), not both")
    public boolean isOneKindOfAuth() {
        return !(present(tokenEnv) && present(username));
    }

    @AssertTrue(message = "username needs password-env: the name of the environment variable holding the password")
    public boolean isPasswordNamed() {
        return !present(username) || present(passwordEnv);
    }

    @AssertTrue(message = "password-env needs username: basic auth sends both")
    public boolean isUsernameSet() {
        return !present(passwordEnv) || present(username);
    }

    @AssertTrue(message = "timeout must be positive, e.g. 10s")
    public boolean isTimeoutPositive() {
        return !timeout.isNegative() && !timeout.isZero();
    }

    private static boolean usable(URI uri) {
        return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null && uri.getRawUserInfo() == null
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
