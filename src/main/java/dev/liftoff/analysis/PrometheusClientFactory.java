package dev.liftoff.analysis;

import dev.liftoff.config.MetricProviderConfig;
import dev.liftoff.config.SecretResolver;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLParameters;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client of one configured provider: its timeout, its credentials (read once, from the
 * variables the configuration names) and its TLS trust. Whatever is missing stops the start with
 * the key to fix.
 */
final class PrometheusClientFactory {

    private PrometheusClientFactory() {
    }

    /**
     * @param key the provider's configuration key, e.g. {@code liftoff.metrics.providers.prometheus}
     * @param sslBundles Spring Boot's SSL bundles; null where the application has none
     */
    static RestClient create(String key, MetricProviderConfig config, SecretResolver secrets, SslBundles sslBundles) {
        HttpClient.Builder http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                // credentials go to the configured URL only, never to wherever a redirect points
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        if (config.sslBundle() != null && !config.sslBundle().isBlank()) {
            applyTls(http, bundle(key, config.sslBundle(), sslBundles));
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http.build());
        // from sending the request until the answer is read, on top of the connect timeout above
        requests.setReadTimeout(config.timeout());
        RestClient.Builder client = RestClient.builder().requestFactory(requests);
        String authorization = authorization(key, config, secrets);
        if (authorization != null) {
            client.defaultHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        return client.build();
    }

    private static String authorization(String key, MetricProviderConfig config, SecretResolver secrets) {
        if (present(config.tokenEnv())) {
            return "Bearer " + secrets.require(config.tokenEnv(), key + ".token-env");
        }
        if (present(config.username())) {
            String password = secrets.require(config.passwordEnv(), key + ".password-env");
            return "Basic " + HttpHeaders.encodeBasicAuth(config.username(), password, StandardCharsets.UTF_8);
        }
        return null;
    }

    private static SslBundle bundle(String key, String name, SslBundles sslBundles) {
        String declare = "declare it under spring.ssl.bundle.jks." + name + " or spring.ssl.bundle.pem." + name;
        if (sslBundles == null) {
            throw new IllegalStateException(key + ".ssl-bundle names the SSL bundle '" + name + "', but no SSL bundles are set up: " + declare);
        }
        try {
            return sslBundles.getBundle(name);
        } catch (NoSuchSslBundleException e) {
            throw new IllegalStateException(key + ".ssl-bundle names the SSL bundle '" + name + "', which is not declared: " + declare
                    + " (declared: " + sslBundles.getBundleNames() + ")", e);
        }
    }

    private static void applyTls(HttpClient.Builder http, SslBundle bundle) {
        http.sslContext(bundle.createSslContext());
        SslOptions options = bundle.getOptions();
        if (options.isSpecified()) {
            SSLParameters parameters = new SSLParameters();
            parameters.setCipherSuites(options.getCiphers());
            parameters.setProtocols(options.getEnabledProtocols());
            http.sslParameters(parameters);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
