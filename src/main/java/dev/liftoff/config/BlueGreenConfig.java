package dev.liftoff.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Blue-green of one environment: the new version goes to the idle slot, is checked there, and
 * then traffic moves to it; the slot that served before stays warm for a switch back.
 *
 * @param idleUrl where the slot that is not live answers; checks of the new version go here
 *     before traffic moves
 * @param switchTarget what moves traffic between the slots ({@code blue-green.switch}): a webhook
 *     or a command, declared like {@code deploy}; it is told the version that is to serve
 */
public record BlueGreenConfig(
        @NotNull(message = "set blue-green.idle-url: where the slot that is not live answers") URI idleUrl,
        @Valid @NotNull(message = "set blue-green.switch: the traffic switch, type webhook or command like deploy")
        @Name("switch") DeployTargetConfig switchTarget) {

    @AssertTrue(message = "blue-green.idle-url must be an absolute http(s) URL without query or fragment")
    public boolean isIdleUrlUsable() {
        return Urls.isBaseUrl(idleUrl);
    }
}
