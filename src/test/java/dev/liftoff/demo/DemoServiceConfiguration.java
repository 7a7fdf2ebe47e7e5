package dev.liftoff.demo;

import dev.liftoff.config.LiftoffProperties;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Binds liftoff-demo-study-api.yaml the way Liftoff does at start, on the given demo ports. */
final class DemoServiceConfiguration {

    private DemoServiceConfiguration() {
    }

    static LiftoffProperties bind(int stagingPort, int productionPort, int productionIdlePort, int deployerPort) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "liftoff.admin.user", "admin",
                "liftoff.admin.password", "admin",
                DemoPorts.STAGING_PORT, stagingPort,
                DemoPorts.PRODUCTION_PORT, productionPort,
                DemoPorts.PRODUCTION_IDLE_PORT, productionIdlePort,
                DemoPorts.DEPLOYER_PORT, deployerPort)));
        try {
            for (PropertySource<?> yaml : new YamlPropertySourceLoader()
                    .load("study-api", new ClassPathResource("liftoff-demo-study-api.yaml"))) {
                environment.getPropertySources().addLast(yaml);
            }
        } catch (IOException e) {
            throw new AssertionError("liftoff-demo-study-api.yaml is not on the classpath", e);
        }
        return Binder.get(environment).bind("liftoff", LiftoffProperties.class).get();
    }
}
