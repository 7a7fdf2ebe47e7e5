package dev.liftoff.deploy;

import dev.liftoff.config.DeployTargetConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Deploys by running a local program, without a shell. Release data reaches the program only
 * through {@code LIFTOFF_*} environment variables, never as arguments, so a version such as
 * {@code 1.0;rm -rf /} is just text to it. Exit 0 means accepted.
 */
public class CommandDeployTarget implements DeployTarget {

    /** How long to wait for the last output once the command has ended. */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);

    private final DeployTargetConfig.Command config;
    private final String label;

    public CommandDeployTarget(DeployTargetConfig.Command config) {
        this.config = config;
        this.label = "command " + String.join(" ", config.argv());
    }

    @Override
    public DeployReceipt deploy(DeployRequest request) {
        long started = System.nanoTime();
        Process process = start(request);
        OutputTail output = OutputTail.readFrom(process.getInputStream());
        try {
            if (!process.waitFor(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                stopWithDescendants(process);
                throw new DeployFailedException(Excerpt.withExcerpt(
                        "deploy " + label + " did not finish within " + config.timeout() + " and was stopped",
                        output.excerpt(OUTPUT_GRACE)));
            }
            String excerpt = output.excerpt(OUTPUT_GRACE);
            int exitCode = process.exitValue();
            if (exitCode != 0) {
                throw new DeployFailedException(Excerpt.withExcerpt("deploy " + label + " exited " + exitCode, excerpt));
            }
            return new DeployReceipt(label, exitCode, excerpt, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (InterruptedException e) {
            stopWithDescendants(process);
            Thread.currentThread().interrupt();
            throw new DeployFailedException("deploy " + label + " was interrupted and stopped", e);
        }
    }

    private Process start(DeployRequest request) {
        ProcessBuilder builder = new ProcessBuilder(config.argv()).redirectErrorStream(true);
        if (config.workingDirectory() != null) {
            builder.directory(config.workingDirectory().toFile());
        }
        prepareEnvironment(builder.environment(), request);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new DeployFailedException("deploy " + label + " could not be started: " + e.getMessage(), e);
        }
    }

    /**
     * The command inherits Liftoff's environment without Liftoff's own settings ({@code LIFTOFF_*},
     * such as the admin password), which are none of its business, and gets the release's data.
     */
    static void prepareEnvironment(Map<String, String> environment, DeployRequest request) {
        environment.keySet().removeIf(name -> name.startsWith("LIFTOFF_"));
        environment.putAll(Map.of(
                "LIFTOFF_SERVICE", request.service(),
                "LIFTOFF_ENVIRONMENT", request.environment(),
                "LIFTOFF_VERSION", request.version(),
                "LIFTOFF_COMMIT_SHA", request.commitSha(),
                "LIFTOFF_IDEMPOTENCY_KEY", request.idempotencyKey()));
        if (request.slot() != null) {
            environment.put("LIFTOFF_SLOT", request.slot());
        }
        if (request.weight() != null) {
            environment.put("LIFTOFF_WEIGHT", request.weight().toString());
        }
    }

    /** Stops the command and whatever it started, so nothing keeps deploying after Liftoff gave up. */
    private static void stopWithDescendants(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
