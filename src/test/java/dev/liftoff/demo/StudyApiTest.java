package dev.liftoff.demo;

import static dev.liftoff.demo.DemoClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudyApiTest {

    private static final String APP_ORIGIN = "https://study.example.com";

    private final DemoClient client = new DemoClient();
    private DemoTargetServer server;
    private URI staging;

    @BeforeEach
    void start() {
        server = new DemoTargetServer(DemoProperties.onFreePorts(Duration.ofMillis(50)), "test-token");
        server.start();
        staging = server.baseUrl("staging");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void healthReportsUpWithItsDependencies() {
        HttpResponse<String> response = client.get(staging, "/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).hasToString("{\"status\":\"UP\",\"checks\":{\"database\":\"UP\",\"cache\":\"UP\"}}");
    }

    @Test
    void versionReportsTheInitialBuild() {
        JsonNode version = json(client.get(staging, "/api/version"));

        assertThat(version.get("version").asText()).isEqualTo("2026.11.0");
        assertThat(version.get("commit").asText()).matches("[0-9a-f]{40}");
        assertThat(Instant.parse(version.get("deployedAt").asText())).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void previewGivesThreeFlashcardsOnTheTopic() {
        HttpResponse<String> response = client.post(staging, "/api/preview", "{\"topic\":\"photosynthesis\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode preview = json(response);
        assertThat(preview.get("topic").asText()).isEqualTo("photosynthesis");
        assertThat(preview.get("count").asInt()).isEqualTo(3);
        assertThat(preview.get("cards")).hasSize(3).allSatisfy(card -> {
            assertThat(card.get("front").asText()).contains("photosynthesis");
            assertThat(card.get("back").asText()).isNotBlank();
        });
    }

    @Test
    void previewWithoutTopicIsABadRequest() {
        HttpResponse<String> response = client.post(staging, "/api/preview", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains("topic is required");
    }

    @Test
    void generateGivesTheAskedNumberOfQuestions() {
        JsonNode quiz = json(client.post(staging, "/api/generate", "{\"topic\":\"cell biology\",\"count\":5}"));

        assertThat(quiz.get("topic").asText()).isEqualTo("cell biology");
        assertThat(quiz.get("count").asInt()).isEqualTo(5);
        assertThat(quiz.get("questions")).hasSize(5);
        assertThat(quiz.at("/questions/4/id").asText()).isEqualTo("q-5");
        assertThat(quiz.at("/questions/0/prompt").asText()).contains("cell biology");
        assertThat(quiz.at("/questions/0/choices")).hasSize(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"topic\":\"algebra\",\"count\":0}",
            "{\"topic\":\"algebra\",\"count\":21}",
            "{\"topic\":\"algebra\",\"count\":\"five\"}",
            "{\"topic\":\"algebra\"}",
            "{\"count\":5}",
            "not json"})
    void generateRejectsAnInvalidRequest(String body) {
        HttpResponse<String> response = client.post(staging, "/api/generate", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isNotBlank();
    }

    @Test
    void scoreMarksTheRightLetterCorrect() {
        JsonNode score = json(client.post(staging, "/api/score", "{\"questionId\":\"q-1\",\"answer\":\"A\"}"));

        assertThat(score.get("questionId").asText()).isEqualTo("q-1");
        assertThat(score.get("score").asDouble()).isEqualTo(1.0);
        assertThat(score.get("correct").asBoolean()).isTrue();
    }

    @Test
    void scoreGivesAWrongAnswerTheSamePartialCreditEveryTime() {
        String wrong = "{\"questionId\":\"q-2\",\"answer\":\"D\"}";

        JsonNode first = json(client.post(staging, "/api/score", wrong));
        JsonNode second = json(client.post(staging, "/api/score", wrong));

        assertThat(first.get("correct").asBoolean()).isFalse();
        assertThat(first.get("score").asDouble()).isBetween(0.0, 0.5);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void scoreWithoutAnswerIsABadRequest() {
        assertThat(client.post(staging, "/api/score", "{\"questionId\":\"q-1\"}").statusCode()).isEqualTo(400);
        assertThat(client.post(staging, "/api/score", "{\"questionId\":\"x\",\"answer\":\"A\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void dailyQuestionIsTodaysAndCachedForAMinute() {
        HttpResponse<String> response = client.get(staging, "/api/daily/next");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=60");
        JsonNode daily = json(response);
        assertThat(LocalDate.parse(daily.get("date").asText())).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        assertThat(daily.at("/question/id").asText()).isNotBlank();
        assertThat(daily.at("/question/prompt").asText()).isNotBlank();
    }

    @Test
    void usageCountsTheRequestsServedToday() {
        client.get(staging, "/health");
        client.get(staging, "/health", "X-User-Id", "student-7");

        JsonNode usage = json(client.get(staging, "/api/ops/usage/daily"));

        assertThat(LocalDate.parse(usage.get("date").asText())).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        assertThat(usage.get("requests").asInt()).isEqualTo(3);
        assertThat(usage.get("activeUsers").asInt()).isEqualTo(2);
    }

    @Test
    void eachEnvironmentCountsItsOwnRequests() {
        client.get(staging, "/health");

        JsonNode productionUsage = json(client.get(server.baseUrl("production"), "/api/ops/usage/daily"));

        assertThat(productionUsage.get("requests").asInt()).isEqualTo(1);
    }

    @Test
    void unknownPathIsNotFoundAsJson() {
        HttpResponse<String> response = client.get(staging, "/api/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response).get("error").asText()).contains("/api/nothing-here");
    }

    @Test
    void wrongMethodIsNotAllowed() {
        HttpResponse<String> response = client.get(staging, "/api/score");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /health, ",
            "GET, /api/version, ",
            "POST, /api/preview, '{\"topic\":\"photosynthesis\"}'",
            "POST, /api/generate, '{\"topic\":\"photosynthesis\",\"count\":2}'",
            "POST, /api/score, '{\"questionId\":\"q-1\",\"answer\":\"A\"}'",
            "GET, /api/daily/next, ",
            "GET, /api/ops/usage/daily, ",
            "GET, /missing, "})
    void everyResponseIsJsonWithTheSecurityHeaders(String method, String path, String body) {
        HttpResponse<String> response = "GET".equals(method) ? client.get(staging, path) : client.post(staging, path, body);

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000; includeSubDomains");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        json(response);
    }

    @Test
    void preflightFromTheAppOriginIsAllowed() {
        HttpResponse<String> response = client.options(staging, "/api/score",
                "Origin", APP_ORIGIN, "Access-Control-Request-Method", "POST");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, POST, OPTIONS");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Content-Type, Authorization");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void preflightFromAnotherOriginGetsNoAllowHeaders() {
        HttpResponse<String> response = client.options(staging, "/api/score",
                "Origin", "https://evil.example.net", "Access-Control-Request-Method", "POST");

        assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void requestFromTheAppOriginMayReadTheResponse() {
        HttpResponse<String> allowed = client.get(staging, "/api/version", "Origin", APP_ORIGIN);
        HttpResponse<String> other = client.get(staging, "/api/version", "Origin", "https://evil.example.net");

        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP_ORIGIN);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aTakenPortStopsTheStartNamingTheProperty() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            DemoTargetServer clash = new DemoTargetServer(
                    new DemoProperties(port, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null, null), "test-token");

            assertThatThrownBy(clash::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("liftoff.demo.staging-port " + port + " is in use; set another port");
        }
    }
}
