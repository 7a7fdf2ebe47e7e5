package dev.liftoff.verification;

import static dev.liftoff.verification.Configs.SERVICE;
import static dev.liftoff.verification.Configs.STAGING;
import static dev.liftoff.verification.Configs.cors;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import dev.liftoff.config.CorsPreflightCheck;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CorsPreflightTest {

    private static final String COMMIT = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
    private static final String ORIGIN = "https://study.example.com";
    private static final CorsPreflightCheck SCORE = cors("/api/score", ORIGIN, "POST", "Content-Type", "X-Request-Id");

    private final FakeEnvironment staging = FakeEnvironment.start().deployed(COMMIT);
    private final AtomicReference<String> method = new AtomicReference<>();
    private final AtomicReference<Headers> asked = new AtomicReference<>();

    @AfterEach
    void stop() {
        staging.close();
    }

    @Test
    void asksLikeABrowserAndPassesWhenOriginMethodAndHeadersAreAllowed() {
        answer(204, ORIGIN, "GET, POST, OPTIONS", "content-type, x-request-id");

        CheckResult check = verify(SCORE);

        assertThat(method.get()).isEqualTo("OPTIONS");
        assertThat(asked.get().getFirst("Origin")).isEqualTo(ORIGIN);
        assertThat(asked.get().getFirst("Access-Control-Request-Method")).isEqualTo("POST");
        assertThat(asked.get().getFirst("Access-Control-Request-Headers")).isEqualTo("Content-Type, X-Request-Id");
        assertThat(check.name()).isEqualTo("CORS preflight POST /api/score");
        assertThat(check.passed()).isTrue();
        assertThat(check.expected()).isEqualTo("status 2xx; Access-Control-Allow-Origin https://study.example.com or *; "
                + "Access-Control-Allow-Methods includes POST; Access-Control-Allow-Headers includes Content-Type, X-Request-Id");
        assertThat(check.actual()).isEqualTo("status 204; Access-Control-Allow-Origin https://study.example.com; "
                + "Access-Control-Allow-Methods GET, POST, OPTIONS; Access-Control-Allow-Headers content-type, x-request-id");
    }

    @Test
    void wildcardsAllowEverything() {
        answer(200, "*", "*", "*");

        assertThat(verify(SCORE).passed()).isTrue();
    }

    @Test
    void withoutRequestedHeadersNeitherAsksNorJudgesThem() {
        answer(204, ORIGIN, "GET", null);

        CheckResult check = verify(cors("/api/daily/next", ORIGIN, "GET"));

        assertThat(asked.get().containsKey("Access-Control-Request-Headers")).isFalse();
        assertThat(check.passed()).isTrue();
        assertThat(check.expected()).isEqualTo("status 2xx; Access-Control-Allow-Origin https://study.example.com or *; "
                + "Access-Control-Allow-Methods includes GET");
        assertThat(check.actual()).isEqualTo("status 204; Access-Control-Allow-Origin https://study.example.com; "
                + "Access-Control-Allow-Methods GET");
    }

    @Test
    void failsForAnotherOrigin() {
        answer(204, "https://admin.example.com", "GET, POST", "Content-Type, X-Request-Id");

        CheckResult check = verify(SCORE);

        assertThat(check.passed()).isFalse();
        assertThat(check.actual()).isEqualTo("status 204; Access-Control-Allow-Origin https://admin.example.com; "
                + "Access-Control-Allow-Methods GET, POST; Access-Control-Allow-Headers Content-Type, X-Request-Id; not allowed: origin");
    }

    @Test
    void failsWhenTheMethodIsNotAllowed() {
        answer(204, ORIGIN, "GET, HEAD", "Content-Type, X-Request-Id");

        CheckResult check = verify(SCORE);

        assertThat(check.passed()).isFalse();
        assertThat(check.actual()).endsWith("; Access-Control-Allow-Methods GET, HEAD; "
                + "Access-Control-Allow-Headers Content-Type, X-Request-Id; not allowed: method POST");
    }

    @Test
    void failsWhenARequestedHeaderIsNotAllowed() {
        answer(204, ORIGIN, "POST", "Content-Type");

        CheckResult check = verify(SCORE);

        assertThat(check.passed()).isFalse();
        assertThat(check.actual()).endsWith("; Access-Control-Allow-Headers Content-Type; not allowed: header X-Request-Id");
    }

    @Test
    void failsWithoutCorsHeadersOrOnAnErrorStatus() {
        staging.json("/api/score", 403, "{\"error\": \"forbidden\"}");

        CheckResult check = verify(SCORE);

        assertThat(check.passed()).isFalse();
        assertThat(check.actual()).isEqualTo("status 403; Access-Control-Allow-Origin missing; Access-Control-Allow-Methods missing; "
                + "Access-Control-Allow-Headers missing; not allowed: origin, method POST, header Content-Type, header X-Request-Id, "
                + "body: {\"error\": \"forbidden\"}");
    }

    private CheckResult verify(CorsPreflightCheck check) {
        VerificationReport report = Configs.service(staging.baseUrl()).cors(check).verificationService().verify(SERVICE, STAGING, COMMIT);
        assertThat(report.checks()).hasSize(3);
        return report.checks().get(2);
    }

    private void answer(int status, String allowOrigin, String allowMethods, String allowHeaders) {
        HttpHandler handler = exchange -> {
            method.set(exchange.getRequestMethod());
            asked.set(exchange.getRequestHeaders());
            exchange.getResponseHeaders().add(CorsPreflight.ALLOW_ORIGIN, allowOrigin);
            exchange.getResponseHeaders().add(CorsPreflight.ALLOW_METHODS, allowMethods);
            if (allowHeaders != null) {
                exchange.getResponseHeaders().add(CorsPreflight.ALLOW_HEADERS, allowHeaders);
            }
            FakeEnvironment.reply(exchange, status, "text/plain", "");
        };
        staging.on("/api/score", handler).on("/api/daily/next", handler);
    }
}
