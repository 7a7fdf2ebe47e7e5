package dev.liftoff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liftoff.cli.LiftoffCli.Result;
import dev.liftoff.cli.ReleaseView.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * bin/liftoff is POSIX sh and POSIX awk: the same release, and the same JSON through its parser,
 * under every shell and awk of this machine that CI images commonly have (dash, bash in POSIX
 * mode, busybox; gawk, mawk, the one true awk, busybox awk), and shellcheck's reading of it as
 * sh. Those not installed are skipped.
 */
class LiftoffCliPortabilityTest {

    private static final String NOTES = "quote \" backslash \\ newline\nend é";

    /** A document with what the parser must get right, and how it reads it (path TAB type TAB value). */
    private static final String DOCUMENT = """
            {"id":"r-1","stage":"go-live sign-off","n":-1.5e3,"zero":0,"empty":{},"none":[],"nothing":null,
             "text":"q\\"b\\\\s\\/n\\nt\\tu\\u00e9\\u20ac\\ud83d\\ude80 lone\\ud800x esc\\u001b[31m raw é",
             "environments":{"staging":{"verified":true,"summary":"44 checks"},"production":{"verified":false}},
             "openTasks":[{"id":"t1","groups":["eng","ops"],"nested":[[1,[true]]]}]}
            """;

    private static final List<String> FLATTENED = List.of(
            "id\ts\tr-1",
            "stage\ts\tgo-live sign-off",
            "n\tn\t-1.5e3",
            "zero\tn\t0",
            "nothing\tz\t",
            "text\ts\tq\"b\\s/n t u\u00e9\u20ac\uD83D\uDE80 lone\uFFFDx esc [31m raw \u00e9",
            "environments.staging.verified\tb\ttrue",
            "environments.staging.summary\ts\t44 checks",
            "environments.production.verified\tb\tfalse",
            "openTasks.0.id\ts\tt1",
            "openTasks.0.groups.0\ts\teng",
            "openTasks.0.groups.1\ts\tops",
            "openTasks.0.nested.0.0\tn\t1",
            "openTasks.0.nested.0.1.0\tb\ttrue");

    static Stream<Arguments> shells() {
        return Stream.of(
                Arguments.of("dash", List.of("dash")),
                Arguments.of("bash --posix", List.of("bash", "--posix")),
                Arguments.of("busybox sh", List.of("busybox", "sh")));
    }

    static Stream<Arguments> awks() {
        return Stream.of(
                Arguments.of("gawk", "gawk"),
                Arguments.of("mawk", "mawk"),
                Arguments.of("original-awk", "original-awk"),
                Arguments.of("busybox awk", "busybox awk"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void followsAReleaseUnder(String name, List<String> shell) throws IOException {
        assumeTrue(installed(shell.get(0)), name + " is not installed");

        assertFollowsARelease(LiftoffCli.ofThisCheckout().withShell(shell.toArray(String[]::new)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awks")
    void followsAReleaseWith(String name, String awk, @TempDir Path dir) throws IOException {
        assumeTrue(installed(awk.split(" ")[0]), name + " is not installed");

        assertFollowsARelease(LiftoffCli.ofThisCheckout().withPathFirst(awkCalled(awk, dir)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awks")
    void readsJsonWith(String name, String awk, @TempDir Path dir) throws IOException {
        assumeTrue(installed(awk.split(" ")[0]), name + " is not installed");
        LiftoffCli cli = LiftoffCli.ofThisCheckout().withPathFirst(awkCalled(awk, dir));
        Path document = Files.writeString(dir.resolve("document.json"), DOCUMENT, StandardCharsets.UTF_8);

        Result result = cli.run("json", document.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).containsExactlyElementsOf(FLATTENED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awks")
    void refusesWhatIsNotJsonWith(String name, String awk, @TempDir Path dir) throws IOException {
        assumeTrue(installed(awk.split(" ")[0]), name + " is not installed");
        LiftoffCli cli = LiftoffCli.ofThisCheckout().withPathFirst(awkCalled(awk, dir));
        Map<String, String> invalid = Map.of(
                "{\"a\":1,}", "invalid JSON at byte 8: expected a key",
                "[1 2]", "invalid JSON at byte 5: expected a comma or ]",
                "\"open", "invalid JSON at byte 7: unterminated string",
                "", "invalid JSON at byte 1: unexpected end",
                "{\"a\":tru}", "invalid JSON at byte 6: unexpected character",
                "{\"a\":1} x", "invalid JSON at byte 9: text after the JSON value",
                "{\"a\":\"\\x\"}", "invalid JSON at byte 9: bad escape",
                "\"\\u12G4\"", "invalid JSON at byte 4: bad \\u escape",
                "[".repeat(65) + "]".repeat(65), "invalid JSON at byte 66: nested too deeply");
        for (Map.Entry<String, String> document : invalid.entrySet()) {
            Path file = Files.writeString(dir.resolve("invalid.json"), document.getKey(), StandardCharsets.UTF_8);

            Result result = cli.run("json", file.toString());

            assertThat(result.exitCode()).as(document.getKey() + " -> " + result).isEqualTo(1);
            assertThat(result.output()).as(document.getKey()).contains(document.getValue());
        }
    }

    @Test
    void shellcheckFindsNothingInTheScriptReadAsPosixSh() throws IOException, InterruptedException {
        assumeTrue(installed("shellcheck"), "shellcheck is not installed");
        Process shellcheck = new ProcessBuilder("shellcheck", "--shell=sh", LiftoffCli.ofThisCheckout().script().toString())
                .redirectErrorStream(true).start();
        String findings = new String(shellcheck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(shellcheck.waitFor()).as(findings).isZero();
    }

    private static void assertFollowsARelease(LiftoffCli cli) throws IOException {
        try (FakeReleaseApi api = new FakeReleaseApi()) {
            ReleaseView started = ReleaseView.started();
            ReleaseView signOff = started.staging(true, "44 of 44 checks passed").waitingFor("go-live sign-off",
                    Task.forGroup("task-eng", "Sign off go-live as engineering-leads: study-api 1.2.3", "engineering-leads"));
            api.play(started, signOff, signOff.ended("ROLLED_BACK", "p95 of /api/score 900 ms > 300 ms; 1.2.2 restored"));
            Map<String, String> env = LiftoffCli.ciEnvironment(api.url(), FakeReleaseApi.USER, FakeReleaseApi.PASSWORD);

            Result result = cli.run(env, "release", "--service", "study-api", "--version", "1.2.3",
                    "--sha", "c0ffee1234abcd", "--requested-by", "erin", "--notes", NOTES, "--wait");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.lines()).containsExactly(
                    "liftoff: release study-api 1.2.3 started: " + ReleaseView.ID + " (study-api@1.2.3)",
                    "liftoff: cockpit: " + api.url() + "/camunda/app/cockpit/default/#/process-instance/" + ReleaseView.ID,
                    "liftoff: stage: pre-deployment checks",
                    "liftoff: stage: go-live sign-off",
                    "liftoff: staging verified: 44 of 44 checks passed",
                    "liftoff: waiting for engineering-leads: Sign off go-live as engineering-leads: study-api 1.2.3 -> "
                            + ReleaseView.taskLink(api.url(), "task-eng"),
                    "liftoff: stage: closed",
                    "liftoff: outcome: ROLLED_BACK: p95 of /api/score 900 ms > 300 ms; 1.2.2 restored",
                    "liftoff: report: " + api.url() + "/api/releases/" + ReleaseView.ID + "/report");
            assertThat(api.requests()).allSatisfy(request ->
                    assertThat(request.basicCredentials()).isEqualTo(FakeReleaseApi.USER + ":" + FakeReleaseApi.PASSWORD));
            assertThat(new ObjectMapper().readTree(api.requests().get(0).body()).get("notes").asText()).isEqualTo(NOTES);
        }
    }

    /** a directory whose awk is the one asked for */
    private static Path awkCalled(String awk, Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path wrapper = bin.resolve("awk");
        Files.writeString(wrapper, "#!/bin/sh\nexec " + awk + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        return bin;
    }

    private static boolean installed(String program) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
