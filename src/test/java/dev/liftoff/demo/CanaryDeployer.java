package dev.liftoff.demo;

import static dev.liftoff.demo.DemoClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the demo deployer for study-canary as Liftoff's deploy and traffic adapters do, with the token. */
final class CanaryDeployer {

    static final String SERVICE = "study-canary";

    private final DemoClient client;
    private final DemoTargetServer server;
    private final String token;

    CanaryDeployer(DemoClient client, DemoTargetServer server, String token) {
        this.client = client;
        this.server = server;
        this.token = token;
    }

    HttpResponse<String> deploy(String environment, String version, String commit, String slot, String idempotencyKey) {
        String slotField = slot == null ? "" : ",\"slot\":\"" + slot + "\"";
        return client.post(server.deployerUrl(), "/deploy", "{\"service\":\"" + SERVICE + "\",\"environment\":\"" + environment
                + "\",\"version\":\"" + version + "\",\"commitSha\":\"" + commit + "\"" + slotField + "}",
                "Authorization", "Bearer " + token, "Idempotency-Key", idempotencyKey);
    }

    /** Deploys and waits until {@code where} reports the commit. */
    void deployAndAwait(String environment, String version, String commit, String slot, URI where) {
        assertThat(deploy(environment, version, commit, slot, environment + "-" + slot + "-" + commit).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5)).until(() -> commitAt(where).equals(commit));
    }

    HttpResponse<String> setWeight(int weight, String version, String commit, String idempotencyKey) {
        return client.post(server.deployerUrl(), "/traffic", trafficBody(weight, version, commit),
                "Authorization", "Bearer " + token, "Idempotency-Key", idempotencyKey);
    }

    static String trafficBody(int weight, String version, String commit) {
        return "{\"service\":\"" + SERVICE + "\",\"environment\":\"production\",\"version\":\"" + version + "\",\"commitSha\":\""
                + commit + "\",\"weight\":" + weight + "}";
    }

    /** GET /traffic: every weight applied, in order, with the requests the router sent each way under it. */
    JsonNode weights() {
        HttpResponse<String> response = client.get(server.deployerUrl(), "/traffic", "Authorization", "Bearer " + token);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response);
    }

    String commitAt(URI base) {
        return json(client.get(base, "/api/version")).get("commit").asText();
    }
}
