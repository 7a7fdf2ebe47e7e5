package dev.liftoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The release steps of the example pipelines under {@code examples/}, run as their CI system runs
 * them (the step's script under {@code sh}, with the CI system's variables), against the release
 * API on a loopback port: they start the release of the tag's version with the pipeline's actor as
 * requester, follow it to its outcome, and exit as the outcome says.
 */
class ExamplePipelinesTest {

    private FakeReleaseApi api;

    @BeforeEach
    void startApi() throws IOException {
        api = new FakeReleaseApi();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void theGitHubActionsJobReleasesTheTagAndWaitsForTheOutcome() throws Exception {
        Map<String, Object> workflow = yaml("examples/github-actions/release.yml");
        String step = releaseStep(steps(workflow, "release"));
        assertThat(step).contains("--wait");
        Map<String, String> github = Map.of("GITHUB_REF_NAME", "v1.2.3", "GITHUB_SHA", "c0ffee1234abcd", "REQUESTED_BY", "erin");

        api.play(ReleaseView.started(), ReleaseView.started().running("deploying to staging"),
                ReleaseView.started().ended("RELEASED", "study-api 1.2.3 is live in production and verified"));
        assertThat(run(step, github)).isZero();
        assertStarted("1.2.3", "c0ffee1234abcd", "erin");

        api.play(ReleaseView.started(), ReleaseView.started().ended("REJECTED", "No-Go by rita"));
        assertThat(run(step, github)).as("a rejected release fails the job").isEqualTo(2);
    }

    @Test
    void theGitLabJobReleasesTheTagAndWaitsForTheOutcome() throws Exception {
        Map<String, Object> pipeline = yaml("examples/gitlab-ci/.gitlab-ci.yml");
        @SuppressWarnings("unchecked")
        List<String> script = (List<String>) ((Map<String, Object>) pipeline.get("release")).get("script");
        String step = releaseStep(script);
        assertThat(step).contains("--wait");
        Map<String, String> gitlab = Map.of("CI_COMMIT_TAG", "v2.0.0", "CI_COMMIT_SHA", "beef1234567", "GITLAB_USER_LOGIN", "eli",
                "CI_COMMIT_TIMESTAMP", "2026-12-01T10:00:00+00:00", "CI_COMMIT_TITLE", "Score answers \"fairly\"; $(id)");

        api.play(ReleaseView.started(), ReleaseView.started().ended("ROLLED_BACK", "production rolled back to 1.9.0"));
        assertThat(run(step, gitlab)).as("a rolled back release fails the job").isEqualTo(3);
        JsonNode request = assertStarted("2.0.0", "beef1234567", "eli");
        assertThat(request.path("notes").asText()).as("the commit title is data, never shell code").isEqualTo("Score answers \"fairly\"; $(id)");
    }

    /** the step's script, as the CI system hands it to the shell */
    private int run(String step, Map<String, String> ciVariables) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", step).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("LIFTOFF_"));
        environment.putAll(LiftoffCli.ciEnvironment(api.url(), FakeReleaseApi.USER, FakeReleaseApi.PASSWORD));
        environment.put("LIFTOFF_POLL_SECONDS", "1");
        environment.putAll(ciVariables);
        Path log = Files.createTempFile("example-pipeline", ".log");
        Process process = builder.redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the step ends: %s", Files.readString(log)).isTrue();
        return process.exitValue();
    }

    private JsonNode assertStarted(String version, String commitSha, String requestedBy) throws IOException {
        FakeReleaseApi.Request start = api.requests().stream()
                .filter(request -> request.method().equals("POST") && request.path().equals("/api/releases"))
                .reduce((first, second) -> second).orElseThrow();
        JsonNode body = new ObjectMapper().readTree(start.body());
        assertThat(body.path("service").asText()).isEqualTo("study-api");
        assertThat(body.path("version").asText()).isEqualTo(version);
        assertThat(body.path("commitSha").asText()).isEqualTo(commitSha);
        assertThat(body.path("requestedBy").asText()).isEqualTo(requestedBy);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<String> steps(Map<String, Object> workflow, String job) {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) workflow
                .get("jobs")).get(job)).get("steps");
        return steps.stream().map(step -> (String) step.get("run")).filter(run -> run != null).toList();
    }

    private static String releaseStep(List<String> scripts) {
        List<String> releasing = scripts.stream().filter(script -> script.contains("bin/liftoff release")).toList();
        assertThat(releasing).as("one step runs bin/liftoff release").hasSize(1);
        return releasing.get(0);
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            Map<String, Object> loaded = new Yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return new HashMap<>(loaded);
        }
    }
}
