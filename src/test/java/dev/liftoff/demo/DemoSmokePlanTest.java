package dev.liftoff.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.config.SmokeCheck;
import dev.liftoff.config.SmokeExpectation;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reference smoke plan of liftoff-demo-study-api.yaml against the demo service it describes:
 * a healthy build passes it, a broken one fails it. Latency limits are left out here, where the
 * machine's load decides them; everything else is asserted as Liftoff's verification reads it.
 */
class DemoSmokePlanTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final DemoClient client = new DemoClient();
    private DemoTargetServer server;
    private ServiceConfig studyApi;

    @BeforeEach
    void start() {
        server = new DemoTargetServer(DemoProperties.onFreePorts(Duration.ofMillis(50)), "test-token");
        server.start();
        studyApi = DemoServiceConfiguration.bind(server.baseUrl("staging").getPort(),
                server.baseUrl("production").getPort(), server.idleUrl("production").getPort(), server.deployerUrl().getPort())
                .requireService("study-api");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aHealthyBuildPassesEveryExpectationInBothEnvironments() throws Exception {
        assertThat(failedExpectations("staging")).isEmpty();
        assertThat(failedExpectations("production")).isEmpty();
    }

    @Test
    void aBrokenBuildFailsTheScoringAndDailyQuestionChecks() throws Exception {
        String dead = "deadbeef00112233445566778899aabbccddeeff";
        URI staging = server.baseUrl("staging");
        client.post(server.deployerUrl(), "/deploy",
                "{\"service\":\"study-api\",\"environment\":\"staging\",\"version\":\"2026.12.0\",\"commitSha\":\"" + dead + "\"}",
                "Authorization", "Bearer test-token", "Idempotency-Key", "broken-release");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> DemoClient.json(client.get(staging, "/api/version")).get("commit").asText().equals(dead));

        assertThat(failedExpectations("staging")).isNotEmpty()
                .allMatch(failure -> failure.startsWith("Answer scoring") || failure.startsWith("Daily question"));
    }

    private List<String> failedExpectations(String environment) throws IOException, InterruptedException {
        URI baseUrl = studyApi.environment(environment).baseUrl();
        List<String> failures = new ArrayList<>();
        for (SmokeCheck check : studyApi.smoke()) {
            HttpResponse<String> response = http.send(request(baseUrl, check), HttpResponse.BodyHandlers.ofString());
            for (SmokeExpectation expectation : check.expect()) {
                if (expectation.maxLatency() == null && !holds(expectation, response)) {
                    failures.add(check.name() + ": " + expectation);
                }
            }
        }
        return failures;
    }

    private static HttpRequest request(URI baseUrl, SmokeCheck check) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(check.path())).method(check.method(),
                check.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(check.body()));
        check.headers().forEach(request::header);
        return request.build();
    }

    private static boolean holds(SmokeExpectation expectation, HttpResponse<String> response) {
        if (expectation.status() != null) {
            return String.valueOf(response.statusCode()).matches(expectation.status().replace("x", "[0-9]"));
        }
        if (expectation.bodyContains() != null) {
            return response.body().contains(expectation.bodyContains());
        }
        if (expectation.header() != null) {
            return valueHolds(expectation, response.headers().firstValue(expectation.header()));
        }
        JsonNode value = DemoClient.json(response).at(expectation.json());
        return valueHolds(expectation, value.isMissingNode() ? Optional.empty() : Optional.of(value.asText()));
    }

    private static boolean valueHolds(SmokeExpectation expectation, Optional<String> value) {
        if (expectation.exists() != null && expectation.exists() != value.isPresent()) {
            return false;
        }
        if (value.isEmpty()) {
            return Boolean.FALSE.equals(expectation.exists());
        }
        String text = value.get();
        return (expectation.equals() == null || expectation.equals().equals(text))
                && (expectation.matches() == null || Pattern.compile(expectation.matches()).matcher(text).matches())
                && (expectation.min() == null || new BigDecimal(text).compareTo(expectation.min()) >= 0)
                && (expectation.max() == null || new BigDecimal(text).compareTo(expectation.max()) <= 0);
    }
}
