package dev.liftoff.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** How a version reaches an environment: an HTTP webhook or a local command. */
public record DeployTargetConfig(
        @NotNull(message = "set deploy.type to webhook or command") Type type,
        @Valid Webhook webhook,
        @Valid Command command) {

    public enum Type { WEBHOOK, COMMAND }

    @AssertTrue(message = "deploy.type webhook needs deploy.webhook.url; deploy.type command needs deploy.command.argv")
    public boolean isAdapterDeclared() {
        return type == null
                || (type == Type.WEBHOOK && webhook != null)
                || (type == Type.COMMAND && command != null);
    }

    /**
     * @param tokenEnv name of the environment variable holding the bearer token (never the token)
     */
    public record Webhook(
            @NotNull(message = "set the webhook url") URI url,
            String tokenEnv,
            Duration timeout) {

        public Webhook {
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        }

        @AssertTrue(message = "the webhook url must be an absolute http(s) URL")
        public boolean isUrlUsable() {
            return url == null || (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null);
        }
    }

    /**
     * @param argv the program and its arguments, run without a shell; release data reaches it
     *     only through LIFTOFF_* environment variables
     */
    public record Command(
            @NotEmpty(message = "set deploy.command.argv, e.g. [./deploy.sh]") List<@NotNull String> argv,
            Duration timeout,
            Path workingDirectory) {

        public Command {
            argv = argv == null ? List.of() : List.copyOf(argv);
            timeout = timeout == null ? Duration.ofMinutes(10) : timeout;
        }
    }
}
