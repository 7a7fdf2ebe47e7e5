package dev.liftoff.bench;

import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.demo.DemoPorts;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The study-api reference plan (liftoff-demo-study-api.yaml) bound the way Liftoff binds it at
 * start, with both environments served by one target port.
 */
final class ReferencePlan {

    static final String SERVICE = "study-api";
    static final String ENVIRONMENT = ServiceConfig.STAGING;
    static final int SMOKE_ASSERTIONS = 31;

    private static final String SERVICE_KEY = "liftoff.services." + SERVICE;

    private ReferencePlan() {
    }

    /**
     * Health, deployed commit and the 31 smoke assertions (plus the security headers, judged on the
     * same responses without another request): the requests a runbook script makes, so that the
     * two can be timed against each other.
     */
    static LiftoffProperties smokeSuite(int targetPort) {
        Map<String, Object> onlySmoke = new HashMap<>();
        onlySmoke.put(SERVICE_KEY + ".latency", "");
        onlySmoke.put(SERVICE_KEY + ".cors", "");
        return bind(targetPort, onlySmoke);
    }

    /** the reference plan with these latency checks in place of any it declares */
    static LiftoffProperties withLatencyChecks(int targetPort, List<LatencyProbe> probes) {
        Map<String, Object> latency = new HashMap<>();
        for (int i = 0; i < probes.size(); i++) {
            String entry = SERVICE_KEY + ".latency[" + i + "].";
            probes.get(i).properties().forEach((key, value) -> latency.put(entry + key, value));
        }
        return bind(targetPort, latency);
    }

    /**
     * The reference plan whose only latency check is {@code probe}, without a rate limit: measured
     * alone, as an independent sampler measures it, so that the two measure the same thing.
     */
    static LiftoffProperties withOnlyLatencyCheck(int targetPort, LatencyProbe probe) {
        Map<String, Object> overrides = new HashMap<>();
        probe.properties().forEach((key, value) -> overrides.put(SERVICE_KEY + ".latency[0]." + key, value));
        overrides.put(SERVICE_KEY + ".verification.max-requests-per-second", 10_000);
        return bind(targetPort, overrides);
    }

    private static LiftoffProperties bind(int targetPort, Map<String, Object> overrides) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> properties = new HashMap<>(overrides);
        properties.put("liftoff.admin.user", "admin");
        properties.put("liftoff.admin.password", "admin");
        properties.put(DemoPorts.STAGING_PORT, targetPort);
        properties.put(DemoPorts.PRODUCTION_PORT, targetPort);
        // no deploy happens in a verification; the webhook URL only has to be valid
        properties.put(DemoPorts.DEPLOYER_PORT, targetPort);
        environment.getPropertySources().addFirst(new MapPropertySource("benchmark", properties));
        try {
            for (PropertySource<?> yaml : new YamlPropertySourceLoader()
                    .load(SERVICE, new ClassPathResource("liftoff-demo-study-api.yaml"))) {
                environment.getPropertySources().addLast(yaml);
            }
        } catch (IOException e) {
            throw new IllegalStateException("liftoff-demo-study-api.yaml is not on the classpath", e);
        }
        return Binder.get(environment).bind("liftoff", LiftoffProperties.class).get();
    }
}
