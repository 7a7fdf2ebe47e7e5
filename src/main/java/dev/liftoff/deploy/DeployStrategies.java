package dev.liftoff.deploy;

import dev.liftoff.config.DeployStrategy;
import dev.liftoff.config.LiftoffProperties;
import org.springframework.stereotype.Component;

/** The strategy of each environment, for the gateways of the BPMN: {@code ${deployStrategies.isBlueGreen(service, environment)}}. */
@Component("deployStrategies")
public class DeployStrategies {

    private final LiftoffProperties properties;

    public DeployStrategies(LiftoffProperties properties) {
        this.properties = properties;
    }

    public boolean isBlueGreen(String service, String environment) {
        return properties.requireService(service).environment(environment).isBlueGreen();
    }

    public boolean isCanary(String service, String environment) {
        return properties.requireService(service).environment(environment).isCanary();
    }

    public boolean isDirect(String service, String environment) {
        return properties.requireService(service).environment(environment).strategy() == DeployStrategy.DIRECT;
    }
}
