package dev.liftoff.config;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Reads secrets by the name of the environment variable that holds them; the configuration
 * names the variable, never the secret. Goes through Spring's {@link Environment}, so properties
 * the application adds itself count as well as OS variables.
 */
@Component
public class SecretResolver {

    private final Environment environment;

    public SecretResolver(Environment environment) {
        this.environment = environment;
    }

    /**
     * @param configKey the configuration key that names the variable, so the message says
     *     where to look
     */
    public String require(String name, String configKey) {
        String value = environment.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set (named by " + configKey + ")");
        }
        return value;
    }
}
