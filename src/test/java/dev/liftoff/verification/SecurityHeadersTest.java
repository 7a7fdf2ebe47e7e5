package dev.liftoff.verification;

import static dev.liftoff.verification.Configs.SERVICE;
import static dev.liftoff.verification.Configs.STAGING;
import static dev.liftoff.verification.Configs.get;
import static dev.liftoff.verification.Configs.post;
import static dev.liftoff.verification.Configs.securityHeaders;
import static dev.liftoff.verification.Configs.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.liftoff.config.SecurityHeadersCheck;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private static final String COMMIT = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";

    private final FakeEnvironment staging = FakeEnvironment.start().deployed(COMMIT);

    @AfterEach
    void stop() {
        staging.close();
    }

    @Test
    void passesWhenEverySmokeResponseCarriesTheHeaders() {
        answerWithHeaders("/api/score", "X-Frame-Options", "DENY", "X-Content-Type-Options", "nosniff");
        answerWithHeaders("/api/daily/next", "X-Frame-Options", "DENY", "X-Content-Type-Options", "nosniff");

        List<CheckResult> checks = verifyHeaders(securityHeaders(null, "X-Frame-Options", "DENY", "x-content-type-options", ""));

        assertThat(checks).extracting(CheckResult::name, CheckResult::passed, CheckResult::expected, CheckResult::actual)
                .containsExactly(
                        tuple("security header X-Frame-Options", true, "matches DENY", "matches on 2/2 responses"),
                        tuple("security header x-content-type-options", true, "present", "present on 2/2 responses"));
    }

    @Test
    void failsNamingTheResponsesThatLackAHeader() {
        answerWithHeaders("/api/score", "X-Frame-Options", "DENY");
        answerWithHeaders("/api/daily/next");

        List<CheckResult> checks = verifyHeaders(securityHeaders(null, "Strict-Transport-Security", "", "X-Frame-Options", "DENY"));

        assertThat(checks).extracting(CheckResult::name, CheckResult::passed, CheckResult::actual).containsExactly(
                tuple("security header Strict-Transport-Security", false,
                        "missing on score (POST /api/score), daily/next (GET /api/daily/next)"),
                tuple("security header X-Frame-Options", false, "missing on daily/next (GET /api/daily/next)"));
    }

    @Test
    void failsOnAValueThatDoesNotMatch() {
        answerWithHeaders("/api/score", "X-Frame-Options", "DENY");
        answerWithHeaders("/api/daily/next", "X-Frame-Options", "SAMEORIGIN");

        CheckResult check = verifyHeaders(securityHeaders(null, "X-Frame-Options", "DENY")).get(0);

        assertThat(check.passed()).isFalse();
        assertThat(check.actual()).isEqualTo("value 'SAMEORIGIN' on daily/next (GET /api/daily/next) does not match DENY");
    }

    @Test
    void theRegexMustMatchTheWholeValue() {
        answerWithHeaders("/api/score", "Strict-Transport-Security", "max-age=63072000; includeSubDomains");
        answerWithHeaders("/api/daily/next", "Strict-Transport-Security", "max-age=60");

        CheckResult check = verifyHeaders(securityHeaders(null, "Strict-Transport-Security", "max-age=\\d{7,}.*")).get(0);

        assertThat(check.actual()).isEqualTo("value 'max-age=60' on daily/next (GET /api/daily/next) does not match max-age=\\d{7,}.*");
    }

    @Test
    void withPathsChecksAGetOfEachPathInsteadOfTheSmokeResponses() {
        answerWithHeaders("/", "Content-Security-Policy", "frame-ancestors 'none'");
        answerWithHeaders("/api/version", "Content-Security-Policy", "default-src 'self'");
        answerWithHeaders("/api/score");
        answerWithHeaders("/api/daily/next");

        List<CheckResult> checks = verifyHeaders(securityHeaders(List.of("/", "/api/version"),
                "Content-Security-Policy", ".*frame-ancestors 'none'.*"));

        assertThat(checks).hasSize(1);
        assertThat(checks.get(0).actual())
                .isEqualTo("value 'default-src 'self'' on GET /api/version does not match .*frame-ancestors 'none'.*");
        assertThat(staging.hits("/")).isEqualTo(1);
        assertThat(staging.hits("/api/version")).isEqualTo(1);
    }

    @Test
    void withPathsPassesWhenEveryPathCarriesTheHeader() {
        answerWithHeaders("/", "Referrer-Policy", "no-referrer");
        answerWithHeaders("/api/version", "referrer-policy", "no-referrer");

        VerificationReport report = Configs.service(staging.baseUrl())
                .securityHeaders(securityHeaders(List.of("/", "/api/version"), "Referrer-Policy", "no-referrer"))
                .verificationService().verify(SERVICE, STAGING, COMMIT);

        assertThat(report.checks()).extracting(CheckResult::name, CheckResult::passed, CheckResult::actual).containsExactly(
                tuple("health", true, "status 200, /status = UP"),
                tuple("deployed commit", true, "commit " + COMMIT + " (version 2026.11.0)"),
                tuple("security header Referrer-Policy", true, "matches on 2/2 responses"));
    }

    @Test
    void withoutPathsOrSmokeRequestsThereIsNothingToJudge() {
        VerificationReport report = Configs.service(staging.baseUrl())
                .securityHeaders(securityHeaders(null, "X-Frame-Options", "DENY"))
                .verificationService().verify(SERVICE, STAGING, COMMIT);

        assertThat(report.checks().get(2)).extracting(CheckResult::passed, CheckResult::actual)
                .containsExactly(false, "no responses to check: configure smoke requests or security-headers paths");
    }

    private List<CheckResult> verifyHeaders(SecurityHeadersCheck headers) {
        VerificationReport report = Configs.service(staging.baseUrl())
                .smoke(post("score", "/api/score", "{}", status("2xx")), get("daily/next", "/api/daily/next", status("2xx")))
                .securityHeaders(headers)
                .verificationService().verify(SERVICE, STAGING, COMMIT);
        return report.checks().subList(4, report.checks().size());
    }

    private void answerWithHeaders(String path, String... nameThenValue) {
        staging.on(path, exchange -> {
            for (int i = 0; i < nameThenValue.length; i += 2) {
                exchange.getResponseHeaders().add(nameThenValue[i], nameThenValue[i + 1]);
            }
            FakeEnvironment.reply(exchange, 200, "application/json", "{}");
        });
    }
}
