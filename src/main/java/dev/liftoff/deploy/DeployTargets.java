package dev.liftoff.deploy;

import dev.liftoff.config.DeployTargetConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.SecretResolver;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The deploy target of every configured environment, the traffic switch of every blue-green one
 * and the traffic adapter of every canary (the same adapters), built once at start. A webhook token variable that is not set stops
 * Liftoff at start rather than failing the first release.
 */
@Component
public class DeployTargets {

    private final Map<String, DeployTarget> byConfigKey = new HashMap<>();
    private final Map<String, DeployTarget> switchesByConfigKey = new HashMap<>();
    private final Map<String, DeployTarget> trafficByConfigKey = new HashMap<>();

    public DeployTargets(LiftoffProperties properties, SecretResolver secrets) {
        // redirects stay off: a deploy request is not re-sent to wherever a response points
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        properties.services().forEach((service, serviceConfig) ->
                serviceConfig.environments().forEach((environment, environmentConfig) -> {
                    String configKey = configKey(service, environment);
                    byConfigKey.put(configKey, create(environmentConfig.deploy(), configKey, http, secrets));
                    if (environmentConfig.isBlueGreen()) {
                        String switchKey = switchKey(service, environment);
                        switchesByConfigKey.put(switchKey, create(environmentConfig.blueGreen().switchTarget(), switchKey, http, secrets));
                    }
                    if (environmentConfig.isCanary()) {
                        String trafficKey = trafficKey(service, environment);
                        trafficByConfigKey.put(trafficKey, create(environmentConfig.canary().traffic(), trafficKey, http, secrets));
                    }
                }));
    }

    public DeployTarget forEnvironment(String service, String environment) {
        DeployTarget target = byConfigKey.get(configKey(service, environment));
        if (target == null) {
            throw new IllegalStateException("no deploy target is configured at " + configKey(service, environment));
        }
        return target;
    }

    /** the traffic switch of a blue-green environment, told which version is to serve */
    public DeployTarget switchFor(String service, String environment) {
        DeployTarget target = switchesByConfigKey.get(switchKey(service, environment));
        if (target == null) {
            throw new IllegalStateException("no traffic switch is configured at " + switchKey(service, environment)
                    + " (strategy blue-green needs one)");
        }
        return target;
    }

    /** the traffic adapter of a canary environment, told the canary's version and its weight */
    public DeployTarget trafficFor(String service, String environment) {
        DeployTarget target = trafficByConfigKey.get(trafficKey(service, environment));
        if (target == null) {
            throw new IllegalStateException("no traffic adapter is configured at " + trafficKey(service, environment)
                    + " (strategy canary needs one)");
        }
        return target;
    }

    private static DeployTarget create(DeployTargetConfig deploy, String configKey, HttpClient http, SecretResolver secrets) {
        return switch (deploy.type()) {
            case WEBHOOK -> new WebhookDeployTarget(deploy.webhook(),
                    Optional.ofNullable(deploy.webhook().tokenEnv())
                            .map(name -> secrets.require(name, configKey + ".webhook.token-env")),
                    http);
            case COMMAND -> new CommandDeployTarget(deploy.command());
        };
    }

    private static String configKey(String service, String environment) {
        return "liftoff.services." + service + ".environments." + environment + ".deploy";
    }

    private static String trafficKey(String service, String environment) {
        return "liftoff.services." + service + ".environments." + environment + ".canary.traffic";
    }

    private static String switchKey(String service, String environment) {
        return "liftoff.services." + service + ".environments." + environment + ".blue-green.switch";
    }
}
