package dev.liftoff.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link PrometheusProvider} sends and how it reads every kind of answer, against a fake
 * Prometheus on a loopback port that can also fail the ways a real one in trouble does.
 */
class PrometheusApiTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00.250Z");
    private final FakePrometheus prometheus = FakePrometheus.http();

    @AfterEach
    void stop() {
        prometheus.close();
    }

    private MetricProvider provider(String... settings) {
        return TestProviders.prometheus(prometheus.uri(), settings);
    }

    @Test
    void anInstantQueryIsAFormPostWithTheQueryAndTheTimeInUnixSeconds() throws Exception {
        String query = "sum(rate(http_requests_total{service=\"shop\",code=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m]))";
        provider().query(query, AT);

        FakePrometheus.Received received = prometheus.last();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/api/v1/query");
        assertThat(received.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(received.form()).containsExactly(Map.entry("query", query), Map.entry("time", "1772366400.25"));
        assertThat(received.header("Authorization")).as("no credentials configured").isNull();
    }

    @Test
    void aRangeQuerySendsStartEndAndStepInSeconds() throws Exception {
        provider().queryRange("up", AT, AT.plusSeconds(300), Duration.ofMillis(15_500));

        FakePrometheus.Received received = prometheus.last();
        assertThat(received.path()).isEqualTo("/api/v1/query_range");
        assertThat(received.form()).containsExactly(Map.entry("query", "up"), Map.entry("start", "1772366400.25"),
                Map.entry("end", "1772366700.25"), Map.entry("step", "15.5"));
    }

    @Test
    void aPathPrefixOfTheUrlIsKept() throws Exception {
        TestProviders.prometheus(URI.create(prometheus.uri() + "/prom/")).query("up", AT);
        assertThat(prometheus.last().path()).isEqualTo("/prom/api/v1/query");
    }

    @Test
    void aVectorOfSeveralSeriesComesBackWithItsLabelsAndValues() throws Exception {
        prometheus.answerData("vector", """
                [{"metric":{"__name__":"demo_requests_total","code":"200","service":"shop"},"value":[1772366400.25,"42"]},
                 {"metric":{"__name__":"demo_requests_total","code":"500","service":"shop"},"value":[1772366400.25,"0.5"]}]""");

        List<Series> series = provider().query("demo_requests_total", AT);

        assertThat(series).hasSize(2);
        assertThat(series.get(0).labels()).containsExactly(Map.entry("__name__", "demo_requests_total"),
                Map.entry("code", "200"), Map.entry("service", "shop"));
        assertThat(series.get(0).samples()).containsExactly(new Sample(AT, 42));
        assertThat(series.get(1).labels()).containsEntry("code", "500");
        assertThat(series.get(1).samples()).containsExactly(new Sample(AT, 0.5));
    }

    @Test
    void aMatrixComesBackWithEverySampleOfEverySeries() throws Exception {
        prometheus.answerData("matrix", """
                [{"metric":{"instance":"a"},"values":[[1772366400,"1"],[1772366415,"2"],[1772366430,"3"]]},
                 {"metric":{"instance":"b"},"values":[[1772366415.001,"7"]]}]""");

        List<Series> series = provider().queryRange("up", AT, AT.plusSeconds(30), Duration.ofSeconds(15));

        assertThat(series).extracting(s -> s.labels().get("instance")).containsExactly("a", "b");
        assertThat(series.get(0).samples()).extracting(Sample::value).containsExactly(1.0, 2.0, 3.0);
        assertThat(series.get(0).samples().get(1).at()).isEqualTo(Instant.ofEpochSecond(1772366415));
        assertThat(series.get(1).samples()).containsExactly(new Sample(Instant.parse("2026-03-01T12:00:15.001Z"), 7));
    }

    @Test
    void aScalarIsOneSeriesWithoutLabels() throws Exception {
        prometheus.answerData("scalar", "[1772366400.25,\"0.042\"]");
        assertThat(provider().query("scalar(x)", AT)).containsExactly(new Series(Map.of(), List.of(new Sample(AT, 0.042))));
    }

    @Test
    void notANumberAndInfinitiesArriveAsSuch() throws Exception {
        prometheus.answerData("vector", """
                [{"metric":{"s":"nan"},"value":[1772366400.25,"NaN"]},{"metric":{"s":"inf"},"value":[1772366400.25,"+Inf"]},
                 {"metric":{"s":"-inf"},"value":[1772366400.25,"-Inf"]}]""");
        assertThat(provider().query("x", AT)).extracting(s -> s.samples().get(0).value())
                .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @Test
    void noMatchingSeriesIsAnEmptyAnswerNotAFailure() throws Exception {
        prometheus.answerData("vector", "[]");
        assertThat(provider().query("absent_metric", AT)).isEmpty();
    }

    @Test
    void aStringResultIsRefusedAsNotANumber() {
        prometheus.answerData("string", "[1772366400.25,\"hello\"]");
        assertThatThrownBy(() -> provider().query("\"hello\"", AT))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Prometheus prometheus (" + prometheus.uri() + ") answered a string, not a number");
    }

    @Test
    void anErrorAnswerNamesPrometheusErrorTypeAndMessage() {
        prometheus.answer(400, "{\"status\":\"error\",\"errorType\":\"bad_data\","
                + "\"error\":\"invalid parameter \\\"query\\\": 1:5: parse error: unclosed left parenthesis\"}");
        assertThatThrownBy(() -> provider().query("sum(up", AT))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Prometheus prometheus (" + prometheus.uri() + ") refused the query: bad_data: "
                        + "invalid parameter \"query\": 1:5: parse error: unclosed left parenthesis");

        prometheus.answer(503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in expression evaluation\"}");
        assertThatThrownBy(() -> provider().query("up", AT))
                .hasMessageEndingWith("could not run the query: timeout: query timed out in expression evaluation");
    }

    @Test
    void anHttpErrorNamesTheStatusAndTheStartOfTheBody() {
        prometheus.answer(503, "<html><body>Service Unavailable\n" + "x".repeat(1000) + "</body></html>");
        assertThatThrownBy(() -> provider().query("up", AT))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Prometheus prometheus (" + prometheus.uri() + ") answered HTTP 503: <html><body>Service Unavailable "
                        + "x".repeat(300 - "<html><body>Service Unavailable ".length()) + "…");

        prometheus.answer(500, "");
        assertThatThrownBy(() -> provider().query("up", AT)).hasMessageEndingWith("answered HTTP 500: (no body)");
    }

    @Test
    void aRedirectIsNotFollowed() {
        prometheus.answer(302, "");
        assertThatThrownBy(() -> provider().query("up", AT)).hasMessageEndingWith("answered HTTP 302: (no body)");
        assertThat(prometheus.received()).hasSize(1);
    }

    @Test
    void garbageIsRefusedWithWhatArrived() {
        prometheus.answer(200, "this is not { json");
        assertThatThrownBy(() -> provider().query("up", AT))
                .isInstanceOf(ProviderException.class)
                .hasMessageEndingWith("answered something that is not a Prometheus API answer: this is not { json");

        prometheus.answer(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,2]}]}}");
        assertThatThrownBy(() -> provider().query("up", AT)).hasMessageEndingWith("answered a sample that is not [time, \"value\"]: [1,2]");

        prometheus.answer(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"many\"]}]}}");
        assertThatThrownBy(() -> provider().query("up", AT)).hasMessageEndingWith("answered a sample value that is not a number: \"many\"");

        prometheus.answer(200, "{\"status\":\"success\"}");
        assertThatThrownBy(() -> provider().query("up", AT)).hasMessageEndingWith("answered an answer without data.resultType and data.result");
    }

    @Test
    void anAnswerSlowerThanTheTimeoutFailsInTime() {
        prometheus.delay(Duration.ofSeconds(3));
        MetricProvider provider = provider("liftoff.metrics.providers.prometheus.timeout=500ms");

        long start = System.nanoTime();
        assertThatThrownBy(() -> provider.query("up", AT))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Prometheus prometheus (" + prometheus.uri() + ") did not answer within 500ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void anAnswerThatStallsHalfwayFailsInTime() {
        prometheus.answerData("vector", "[]").stallBody(Duration.ofSeconds(3));
        MetricProvider provider = provider("liftoff.metrics.providers.prometheus.timeout=500ms");

        long start = System.nanoTime();
        assertThatThrownBy(() -> provider.query("up", AT))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Prometheus prometheus (" + prometheus.uri() + ") did not answer within 500ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aServerThatIsDownRefusesTheConnection() {
        MetricProvider provider = provider();
        prometheus.close();
        assertThatThrownBy(() -> provider.query("up", AT))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Prometheus prometheus (" + prometheus.uri() + ") refused the connection");
    }

    @Test
    void aBearerTokenIsSentFromTheVariableTheConfigurationNames() throws Exception {
        provider("liftoff.metrics.providers.prometheus.token-env=TEST_PROMETHEUS_TOKEN", "TEST_PROMETHEUS_TOKEN=t0ken-s3cret")
                .query("up", AT);
        assertThat(prometheus.last().header("Authorization")).isEqualTo("Bearer t0ken-s3cret");
    }

    @Test
    void basicAuthIsSentFromTheUsernameAndTheVariableHoldingThePassword() throws Exception {
        provider("liftoff.metrics.providers.prometheus.username=liftoff",
                "liftoff.metrics.providers.prometheus.password-env=TEST_PROMETHEUS_PASSWORD", "TEST_PROMETHEUS_PASSWORD=pa:ss-wörd")
                .query("up", AT);
        String expected = Base64.getEncoder().encodeToString("liftoff:pa:ss-wörd".getBytes(StandardCharsets.UTF_8));
        assertThat(prometheus.last().header("Authorization")).isEqualTo("Basic " + expected);
    }

    @Test
    void aRefusedCredentialIsNamedWithoutTheSecret() {
        prometheus.answer(401, "Unauthorized");
        MetricProvider provider = provider("liftoff.metrics.providers.prometheus.token-env=TEST_PROMETHEUS_TOKEN",
                "TEST_PROMETHEUS_TOKEN=t0ken-s3cret");
        assertThatThrownBy(() -> provider.query("up", AT))
                .hasMessageEndingWith("answered HTTP 401 (check the credentials: token-env, or username and password-env): Unauthorized")
                .satisfies(e -> assertThat(stackOf(e)).doesNotContain("t0ken-s3cret"));
        assertThat(provider.toString()).doesNotContain("t0ken-s3cret");
    }

    @Test
    void aGraphLinkOpensThePrometheusUiOnTheQueryAndRange() {
        MetricProvider provider = provider("liftoff.metrics.providers.prometheus.graph-url=https://prom.example.com/prom/");
        URI link = provider.graphLink("sum(rate(x{service=\"shop\"}[5m])) > 0.05", AT.minusSeconds(600), AT);
        assertThat(link).hasToString("https://prom.example.com/prom/graph?g0.expr="
                + "sum%28rate%28x%7Bservice%3D%22shop%22%7D%5B5m%5D%29%29%20%3E%200.05"
                + "&g0.tab=0&g0.range_input=600s&g0.end_input=2026-03-01%2012%3A00%3A00");
        assertThat(provider().graphLink("up", AT, AT).toString()).as("graph-url defaults to url")
                .startsWith(prometheus.uri() + "/graph?g0.expr=up&").contains("g0.range_input=1s");
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsAMistakeOfTheCaller() {
        MetricProvider provider = provider();
        assertThatThrownBy(() -> provider.queryRange("up", AT, AT.minusSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider.queryRange("up", AT, AT, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(prometheus.received()).isEmpty();
    }

    static String stackOf(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
