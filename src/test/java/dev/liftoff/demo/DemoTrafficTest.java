package dev.liftoff.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's steady traffic, measured where Prometheus measures it: in the environments' /metrics. */
class DemoTrafficTest {

    private static final String COUNT = "http_server_requests_seconds_count";
    private static final int PER_SECOND = 20;

    private final DemoClient client = new DemoClient();

    @Test
    void sendsTheConfiguredRateOfValidRequestsToStagingAndProductionOfBothServicesAndStopsWithTheServers()
            throws InterruptedException {
        DemoTargetServer server = new DemoTargetServer(DemoProperties.onFreePorts(Duration.ofMillis(50)).withTraffic(PER_SECOND), "t");
        server.start();
        URI staging = server.baseUrl("staging");
        URI idle = server.idleUrl("production");
        // study-canary production's router, whose requests fill the counts of a canary's weights
        List<URI> targets = List.of(staging, server.baseUrl("production"), server.studyCanaryUrl("staging"),
                server.studyCanaryUrl("production"));
        try {
            Thread.sleep(500); // past the first requests, which warm up the client
            long from = System.nanoTime();
            List<Double> counted = targets.stream().map(target -> PrometheusScrape.of(client, target).sum(COUNT)).toList();
            Thread.sleep(3000);
            List<PrometheusScrape> scrapes = targets.stream().map(target -> PrometheusScrape.of(client, target)).toList();
            double seconds = (System.nanoTime() - from) / 1e9;

            for (int i = 0; i < targets.size(); i++) {
                PrometheusScrape scrape = scrapes.get(i);
                // a fixed-rate schedule makes up for late ticks: only a machine stalled for seconds gets below half
                assertThat((scrape.sum(COUNT) - counted.get(i)) / seconds).as("requests per second to %s", targets.get(i))
                        .isBetween(PER_SECOND * 0.5, PER_SECOND * 1.5);
                assertThat(scrape.matching(COUNT)).as("valid requests only").allSatisfy(sample ->
                        assertThat(sample.labels()).containsEntry("status", "200"));
                assertThat(scrape.matching(COUNT)).extracting(sample -> sample.labels().get("uri")).containsExactlyInAnyOrder(
                        "/api/version", "/api/preview", "/api/generate", "/api/score", "/api/daily/next", "/api/ops/usage/daily",
                        "/health");
            }
            assertThat(DemoClient.json(client.get(idle, "/api/ops/usage/daily")).get("requests").asInt())
                    .as("no traffic to the idle slot, only this request").isEqualTo(1);
            assertThat(DemoClient.json(client.get(server.canaryUrl(), "/api/ops/usage/daily")).get("requests").asInt())
                    .as("no weight set: the router sends nothing to the canary, only this request reaches it").isEqualTo(1);
        } finally {
            server.stop();
        }

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().startsWith("demo-traffic"));
        assertThatThrownBy(() -> connect(staging)).isInstanceOf(IOException.class);
    }

    @Test
    void noTrafficUnlessAskedForOrPrometheusIsSet() {
        assertThat(DemoProperties.onFreePorts(null).trafficPerSecond()).isZero();
        assertThat(withPrometheus(null).trafficPerSecond()).isEqualTo(5);
        assertThat(withPrometheus(0).trafficPerSecond()).as("a user's 0 wins").isZero();
        assertThat(withPrometheus(50).trafficPerSecond()).isEqualTo(50);
    }

    @Test
    void theRateAndThePrometheusUrlAreValidated() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            assertThat(factory.getValidator().validate(withPrometheus(100))).isEmpty();
            assertThat(messages(factory.getValidator().validate(withPrometheus(101))))
                    .containsExactly("must be from 0 to 100 requests per second");
            DemoProperties relative = new DemoProperties(0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, URI.create("localhost:9090"),
                    null);
            assertThat(messages(factory.getValidator().validate(relative)))
                    .containsExactly("liftoff.demo.prometheus-url must be an absolute http(s) URL, e.g. http://127.0.0.1:9090");
        }
    }

    private static DemoProperties withPrometheus(Integer trafficPerSecond) {
        return new DemoProperties(0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, URI.create("http://127.0.0.1:9090"), trafficPerSecond);
    }

    private static List<String> messages(Set<ConstraintViolation<DemoProperties>> violations) {
        return violations.stream().map(ConstraintViolation::getMessage).toList();
    }

    private static void connect(URI uri) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
        }
    }
}
