package dev.liftoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liftoff.config.DeployTargetConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandDeployTargetTest {

    private static final DeployRequest REQUEST =
            new DeployRequest("shop", "production", "2.4.1", "a1b2c3d4e5f6", "liftoff-0123456789abcdef0123456789abcdef");

    @TempDir
    Path dir;

    @Test
    void exitZeroIsAcceptedWithTheOutputAsReceipt() throws IOException {
        script("echo \"rolling out\"; echo \"rollout complete\"");

        DeployReceipt receipt = target(Duration.ofSeconds(10)).deploy(REQUEST);

        assertThat(receipt.target()).isEqualTo("command ./deploy.sh");
        assertThat(receipt.status()).isZero();
        assertThat(receipt.excerpt()).isEqualTo("rolling out\nrollout complete\n");
        assertThat(receipt.durationMs()).isNotNegative();
    }

    @Test
    void aNonZeroExitFailsWithTheExitCodeAndTheTail() throws IOException {
        script("echo \"cluster unreachable\" >&2; exit 3");

        assertThatThrownBy(() -> target(Duration.ofSeconds(10)).deploy(REQUEST))
                .isInstanceOf(DeployFailedException.class)
                .hasMessage("deploy command ./deploy.sh exited 3: cluster unreachable");
    }

    @Test
    void theReleaseReachesTheCommandThroughEnvironmentVariables() throws IOException {
        script("""
                echo "service=$LIFTOFF_SERVICE"
                echo "environment=$LIFTOFF_ENVIRONMENT"
                echo "version=$LIFTOFF_VERSION"
                echo "commit=$LIFTOFF_COMMIT_SHA"
                echo "key=$LIFTOFF_IDEMPOTENCY_KEY"
                echo "path-inherited=${PATH:+yes}"
                echo "args=$#"
                """);

        DeployReceipt receipt = target(Duration.ofSeconds(10)).deploy(REQUEST);

        assertThat(receipt.excerpt()).isEqualTo("""
                service=shop
                environment=production
                version=2.4.1
                commit=a1b2c3d4e5f6
                key=liftoff-0123456789abcdef0123456789abcdef
                path-inherited=yes
                args=0
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0;rm -rf /", "$(touch pwned)", "`touch pwned`", "1.0 && touch pwned"})
    void aHostileVersionArrivesVerbatimAndRunsNothing(String version) throws IOException {
        script("printf 'version=%s\\n' \"$LIFTOFF_VERSION\"");
        DeployRequest hostile = new DeployRequest("shop", "production", version, "a1b2c3d4e5f6", "liftoff-key");

        DeployReceipt receipt = target(Duration.ofSeconds(10)).deploy(hostile);

        assertThat(receipt.excerpt()).isEqualTo("version=" + version + "\n");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void aCommandThatRunsTooLongIsStoppedWithWhatItStarted() throws IOException, InterruptedException {
        script("""
                echo $$ > script.pid
                sleep 30 &
                echo $! > sleep.pid
                echo "waiting for the rollout"
                wait
                """);
        long started = System.nanoTime();

        assertThatThrownBy(() -> target(Duration.ofMillis(500)).deploy(REQUEST))
                .isInstanceOf(DeployFailedException.class)
                .hasMessage("deploy command ./deploy.sh did not finish within PT0.5S and was stopped: waiting for the rollout");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertStopped(pidIn("script.pid"));
        assertStopped(pidIn("sleep.pid"));
    }

    @Test
    void aChattyCommandDoesNotBlockAndOnlyItsTailIsKept() throws IOException {
        script("""
                for i in $(seq 1 4000); do echo "line $i of the rollout log, padded to fifty bytes"; done
                echo "warning: slow rollout" >&2
                echo "rollout complete"
                """);

        DeployReceipt receipt = target(Duration.ofSeconds(10)).deploy(REQUEST);

        assertThat(receipt.excerpt().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(2048);
        assertThat(receipt.excerpt()).doesNotContain("line 1 of")
                .contains("line 4000 of the rollout log")
                .endsWith("warning: slow rollout\nrollout complete\n");
    }

    @Test
    void aTailIsCutOnACharacterBoundary() throws IOException {
        script("for i in $(seq 1 3000); do printf 'é'; done; echo");

        DeployReceipt receipt = target(Duration.ofSeconds(10)).deploy(REQUEST);

        assertThat(receipt.excerpt()).isEqualTo("é".repeat(1023) + "\n");
    }

    @Test
    void aMissingProgramIsNamed() {
        DeployTarget target = new CommandDeployTarget(
                new DeployTargetConfig.Command(List.of("./no-such-deploy.sh", "--now"), Duration.ofSeconds(10), dir));

        assertThatThrownBy(() -> target.deploy(REQUEST))
                .isInstanceOf(DeployFailedException.class)
                .hasMessageStartingWith("deploy command ./no-such-deploy.sh --now could not be started")
                .hasMessageContaining("No such file or directory");
    }

    private CommandDeployTarget target(Duration timeout) {
        return new CommandDeployTarget(new DeployTargetConfig.Command(List.of("./deploy.sh"), timeout, dir));
    }

    private void script(String body) throws IOException {
        Path script = dir.resolve("deploy.sh");
        Files.writeString(script, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    private long pidIn(String file) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve(file)).strip());
    }

    /** A killed process is gone once no longer alive, or a zombie waiting for its new parent to reap it. */
    private static void assertStopped(long pid) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (isRunning(pid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(isRunning(pid)).as("process %d still runs", pid).isFalse();
    }

    private static boolean isRunning(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) || !Files.exists(stat)) {
            return false;
        }
        String state = Files.readString(stat);
        return !state.substring(state.lastIndexOf(')') + 2).startsWith("Z");
    }

    @Test
    void theCommandDoesNotInheritLiftoffsOwnSettings() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "PATH", "/usr/bin", "LIFTOFF_ADMIN_PASSWORD", "s3cret", "LIFTOFF_DB_PASSWORD", "db-s3cret"));

        CommandDeployTarget.prepareEnvironment(environment,
                new DeployRequest("shop", "staging", "1.2.3", "abcdef1", "liftoff-key"));

        assertThat(environment)
                .containsEntry("PATH", "/usr/bin")
                .containsEntry("LIFTOFF_VERSION", "1.2.3")
                .doesNotContainKeys("LIFTOFF_ADMIN_PASSWORD", "LIFTOFF_DB_PASSWORD", "LIFTOFF_SLOT");
    }

    @Test
    void aBlueGreenDeployTellsTheCommandTheSlot() {
        Map<String, String> environment = new HashMap<>(Map.of("LIFTOFF_SLOT", "stale"));
        CommandDeployTarget.prepareEnvironment(environment,
                new DeployRequest("shop", "production", "1.2.3", "abcdef1", "liftoff-key", "idle"));

        assertThat(environment).containsEntry("LIFTOFF_SLOT", "idle");
    }
}
