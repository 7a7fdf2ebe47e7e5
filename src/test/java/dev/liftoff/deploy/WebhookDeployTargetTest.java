package dev.liftoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liftoff.config.DeployTargetConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookDeployTargetTest {

    private static final String TOKEN = "s3cret-deploy-token";
    private static final DeployRequest REQUEST =
            new DeployRequest("shop", "staging", "2.4.1", "a1b2c3d4e5f6", "liftoff-0123456789abcdef0123456789abcdef");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private RecordingWebhook webhook;

    @BeforeEach
    void startWebhook() throws IOException {
        webhook = new RecordingWebhook();
    }

    @AfterEach
    void stopWebhook() {
        webhook.close();
    }

    @Test
    void postsTheReleaseAsJsonWithTokenAndIdempotencyKey() throws IOException {
        target(Duration.ofSeconds(5)).deploy(REQUEST);

        RecordingWebhook.Received received = webhook.received().get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(received.headers().getFirst("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(received.headers().getFirst("Idempotency-Key")).isEqualTo(REQUEST.idempotencyKey());
        assertThat(new ObjectMapper().readValue(received.body(), Map.class)).isEqualTo(Map.of(
                "service", "shop", "environment", "staging", "version", "2.4.1", "commitSha", "a1b2c3d4e5f6"));
    }

    @Test
    void aBlueGreenDeployNamesTheIdleSlotAsItsTarget() throws IOException {
        target(Duration.ofSeconds(5)).deploy(new DeployRequest("shop", "production", "2.4.1", "a1b2c3d4e5f6", "liftoff-key", "idle"));

        assertThat(new ObjectMapper().readValue(webhook.received().get(0).body(), Map.class)).containsEntry("slot", "idle")
                .containsEntry("environment", "production");
    }

    @Test
    void sendsNoAuthorizationWhenNoTokenIsConfigured() {
        new WebhookDeployTarget(webhookConfig(webhook.url("/deploy"), Duration.ofSeconds(5)), Optional.empty(), http)
                .deploy(REQUEST);

        assertThat(webhook.received().get(0).headers().containsKey("Authorization")).isFalse();
    }

    @Test
    void acceptedAnswerBecomesTheReceipt() {
        webhook.answer(202, "{\"deployment\":\"d-42\"}");

        DeployReceipt receipt = target(Duration.ofSeconds(5)).deploy(REQUEST);

        assertThat(receipt.target()).isEqualTo("webhook " + webhook.url("/deploy"));
        assertThat(receipt.status()).isEqualTo(202);
        assertThat(receipt.excerpt()).isEqualTo("{\"deployment\":\"d-42\"}");
        assertThat(receipt.durationMs()).isNotNegative();
        assertThat(receipt.toMap()).containsOnlyKeys("target", "status", "excerpt", "durationMs")
                .containsEntry("status", 202);
        assertThat(receipt.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aRetrySendsTheSameIdempotencyKey() {
        WebhookDeployTarget target = target(Duration.ofSeconds(5));
        webhook.answer(503, "{\"error\":\"busy\"}");
        assertThatThrownBy(() -> target.deploy(REQUEST)).isInstanceOf(DeployFailedException.class);
        webhook.answer(202, "");

        target.deploy(REQUEST);

        assertThat(webhook.received()).hasSize(2)
                .extracting(received -> received.headers().getFirst("Idempotency-Key"))
                .containsOnly(REQUEST.idempotencyKey());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 404, 401})
    void aRefusalSaysTheStatusAndWhatTheTargetAnswered(int status) {
        webhook.answer(status, "{\"error\":\"no deploy for you\"}");

        assertThatThrownBy(() -> target(Duration.ofSeconds(5)).deploy(REQUEST))
                .isInstanceOf(DeployFailedException.class)
                .hasMessage("webhook " + webhook.url("/deploy") + " answered " + status + ": {\"error\":\"no deploy for you\"}")
                .message().doesNotContain(TOKEN);
    }

    @Test
    void aRedirectIsNotFollowed() throws IOException {
        try (RecordingWebhook elsewhere = new RecordingWebhook()) {
            webhook.redirectTo(elsewhere.url("/deploy"));

            assertThatThrownBy(() -> target(Duration.ofSeconds(5)).deploy(REQUEST))
                    .hasMessageContaining("answered 302");
            assertThat(elsewhere.received()).isEmpty();
        }
    }

    @Test
    void aLongAnswerIsCutToTwoKilobytesOnACharacterBoundary() {
        String longAnswer = "é".repeat(3000);
        webhook.answer(200, longAnswer);

        DeployReceipt receipt = target(Duration.ofSeconds(5)).deploy(REQUEST);

        assertThat(receipt.excerpt().getBytes(StandardCharsets.UTF_8)).hasSize(2048);
        assertThat(longAnswer).startsWith(receipt.excerpt());

        webhook.answer(500, longAnswer);
        assertThatThrownBy(() -> target(Duration.ofSeconds(5)).deploy(REQUEST))
                .hasMessage("webhook " + webhook.url("/deploy") + " answered 500: " + "é".repeat(1024));
    }

    @Test
    void anUnreachableTargetIsNamed() throws IOException {
        URI nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/deploy");
        }
        WebhookDeployTarget target = new WebhookDeployTarget(
                webhookConfig(nobodyListens, Duration.ofSeconds(5)), Optional.of(TOKEN), http);

        assertThatThrownBy(() -> target.deploy(REQUEST))
                .isInstanceOf(DeployFailedException.class)
                .hasMessage("webhook " + nobodyListens + " could not be reached: nothing accepted the connection");
    }

    @Test
    void anUnknownHostIsNamed() {
        URI unknownHost = URI.create("http://deploy.liftoff.invalid/deploy");
        WebhookDeployTarget target = new WebhookDeployTarget(
                webhookConfig(unknownHost, Duration.ofSeconds(5)), Optional.of(TOKEN), http);

        assertThatThrownBy(() -> target.deploy(REQUEST))
                .isInstanceOf(DeployFailedException.class)
                .hasMessage("webhook " + unknownHost + " could not be reached: the host name deploy.liftoff.invalid does not resolve");
    }

    @Test
    void aTargetThatDoesNotAnswerInTimeFails() {
        webhook.delayAnswers(Duration.ofSeconds(5));
        long started = System.nanoTime();

        assertThatThrownBy(() -> target(Duration.ofMillis(300)).deploy(REQUEST))
                .isInstanceOf(DeployFailedException.class)
                .hasMessage("webhook " + webhook.url("/deploy") + " did not answer within PT0.3S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    private WebhookDeployTarget target(Duration timeout) {
        return new WebhookDeployTarget(webhookConfig(webhook.url("/deploy"), timeout), Optional.of(TOKEN), http);
    }

    private static DeployTargetConfig.Webhook webhookConfig(URI url, Duration timeout) {
        return new DeployTargetConfig.Webhook(url, "SHOP_DEPLOY_TOKEN", timeout);
    }
}
