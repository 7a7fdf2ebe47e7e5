package dev.liftoff.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Prometheus behind TLS with a certificate of its own (self-signed, made here with the JDK's
 * keytool): trusted through a Spring Boot SSL bundle, refused without it.
 */
class PrometheusTlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    static FakePrometheus prometheus;

    @BeforeAll
    static void startServerWithSelfSignedCertificate() throws Exception {
        Path server = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "prometheus", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", server.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "prometheus", "-keystore", server.toString(), "-storepass", PASSWORD,
                "-file", dir.resolve("server.crt").toString());
        keytool("-importcert", "-noprompt", "-alias", "prometheus", "-file", dir.resolve("server.crt").toString(),
                "-storetype", "PKCS12", "-keystore", dir.resolve("trust.p12").toString(), "-storepass", PASSWORD);
        prometheus = FakePrometheus.https(serverContext(server));
        prometheus.answerData("scalar", "[1772366400,\"1\"]");
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void aCertificateTrustedThroughAnSslBundleIsAccepted() throws Exception {
        MetricProvider provider = TestProviders.prometheus(prometheus.uri(),
                "liftoff.metrics.providers.prometheus.ssl-bundle=prometheus-ca",
                "spring.ssl.bundle.jks.prometheus-ca.truststore.location=file:" + dir.resolve("trust.p12"),
                "spring.ssl.bundle.jks.prometheus-ca.truststore.password=" + PASSWORD,
                "spring.ssl.bundle.jks.prometheus-ca.truststore.type=PKCS12");

        assertThat(provider.query("vector(1)", Instant.now())).hasSize(1);
        assertThat(prometheus.last().path()).isEqualTo("/api/v1/query");
    }

    @Test
    void withoutTheBundleTheCertificateIsRefused() {
        int before = prometheus.received().size();
        MetricProvider provider = TestProviders.prometheus(prometheus.uri());

        assertThatThrownBy(() -> provider.query("vector(1)", Instant.now()))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("Prometheus prometheus (" + prometheus.uri() + ") failed the TLS handshake (")
                .hasMessageContaining("to trust its certificate, name an SSL bundle that holds it in ssl-bundle");
        assertThat(prometheus.received()).as("no request got through").hasSize(before);
    }

    private static SSLContext serverContext(Path keyStore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
