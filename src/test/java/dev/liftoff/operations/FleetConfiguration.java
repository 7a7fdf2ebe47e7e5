package dev.liftoff.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Liftoff configuration ({@code --spring.config.additional-location}) declaring services whose
 * staging and production are environments of an {@link EnvironmentFleet}: direct deploys through
 * the fleet's webhook, health and version checks only (no smoke, latency or header checks), and
 * short monitoring windows, so that a release is quick and all its time is Liftoff's own. A
 * service's production may be a canary instead, its slots and traffic webhook on the fleet too.
 */
final class FleetConfiguration {

    /** the demo's own service: its limits must fit a short job lock too */
    private static final String DEMO_SERVICE = "study-api";
    private static final String DEMO_CANARY_SERVICE = "study-canary";

    private final EnvironmentFleet fleet;
    private final List<String> services;
    private Duration stagingEvery = Duration.ofSeconds(1);
    private Duration stagingFor = Duration.ofSeconds(3);
    private Duration productionEvery = Duration.ofSeconds(1);
    private Duration productionFor = Duration.ofSeconds(3);
    private Duration lockTime;
    /** per service released to production as a canary: its steps, as YAML, and the comparison's rate */
    private final Map<String, Canary> canaries = new LinkedHashMap<>();

    private record Canary(String steps, int pairsPerSecond) {
    }

    FleetConfiguration(EnvironmentFleet fleet, List<String> services) {
        this.fleet = fleet;
        this.services = List.copyOf(services);
    }

    FleetConfiguration watchStaging(Duration every, Duration lasting) {
        stagingEvery = every;
        stagingFor = lasting;
        return this;
    }

    FleetConfiguration watchProduction(Duration every, Duration lasting) {
        productionEvery = every;
        productionFor = lasting;
        return this;
    }

    /**
     * That service's production is a canary: deployed with {@code "slot": "canary"} beside the stable
     * version, both answering on the fleet, its weight told to the fleet's traffic webhook, then
     * promoted. The comparison compares the health endpoint (the only check), so each analysis step
     * must give it 8 pairs at {@code pairsPerSecond} (CanaryPlanCheck).
     *
     * @param steps {@code canary.steps} as YAML, e.g. {@code [{set-weight: 10}, {analyze: {for: 5s}}]}
     */
    FleetConfiguration productionAsCanary(String service, String steps, int pairsPerSecond) {
        if (!services.contains(service)) {
            throw new IllegalArgumentException(service + " is not one of " + services);
        }
        canaries.put(service, new Canary(steps, pairsPerSecond));
        return this;
    }

    /**
     * Jobs stay locked only this long ({@code camunda.bpm.job-execution.lock-time-in-millis}), so a
     * dead node's jobs go to another node soon; every step limit is cut to a quarter of it, which
     * the start check (JobLockTimeCheck) asks for.
     */
    FleetConfiguration lockJobsFor(Duration lock) {
        lockTime = lock;
        return this;
    }

    Path writeTo(Path file) {
        StringBuilder yaml = new StringBuilder("# written by FleetConfiguration for a test: ").append(services.size())
                .append(" services on the environment fleet at port ").append(fleet.port()).append('\n');
        if (lockTime != null) {
            yaml.append("camunda:\n  bpm:\n    job-execution:\n      lock-time-in-millis: ").append(lockTime.toMillis()).append('\n');
        }
        yaml.append("liftoff:\n  services:\n");
        for (String service : services) {
            yaml.append("    ").append(service).append(":\n      environments:\n");
            environment(yaml, service, "staging", stagingEvery, stagingFor);
            environment(yaml, service, "production", productionEvery, productionFor);
            if (canaries.containsKey(service)) {
                canary(yaml, service, "production");
            }
            verification(yaml);
        }
        if (lockTime != null) {
            demoServiceWithinTheLock(yaml);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void environment(StringBuilder yaml, String service, String environment, Duration every, Duration lasting) {
        yaml.append("        ").append(environment).append(":\n")
                .append("          base-url: ").append(fleet.baseUrl(service, environment)).append('\n')
                .append("          version: {path: /api/version}\n")
                .append("          deploy: {type: webhook, webhook: {url: \"").append(fleet.deployUrl(service, environment))
                .append("\", timeout: ").append(yamlDuration(stepLimit(Duration.ofSeconds(30)))).append("}}\n")
                .append("          deploy-timeout: ").append(yamlDuration(stepLimit(Duration.ofSeconds(30)))).append('\n')
                .append("          monitoring: {phases: [{every: ").append(yamlDuration(every)).append(", for: ")
                .append(yamlDuration(lasting)).append("}]}\n");
    }

    private void canary(StringBuilder yaml, String service, String environment) {
        Canary canary = canaries.get(service);
        yaml.append("          strategy: canary\n")
                .append("          canary:\n")
                .append("            canary-url: ").append(fleet.slotUrl(service, environment, EnvironmentFleet.Slot.CANARY)).append('\n')
                .append("            stable-url: ").append(fleet.slotUrl(service, environment, EnvironmentFleet.Slot.STABLE)).append('\n')
                .append("            traffic: {type: webhook, webhook: {url: \"").append(fleet.trafficUrl(service, environment))
                .append("\", timeout: ").append(yamlDuration(stepLimit(Duration.ofSeconds(30)))).append("}}\n")
                .append("            steps: ").append(canary.steps()).append('\n')
                .append("            comparison: {requests-per-second: ").append(canary.pairsPerSecond()).append("}\n");
    }

    private void verification(StringBuilder yaml) {
        if (lockTime != null) {
            String limit = yamlDuration(stepLimit(Duration.ofSeconds(10)));
            yaml.append("      verification: {request-timeout: ").append(limit).append(", deadline: ").append(limit).append("}\n");
        }
    }

    /** the demo profile's own services, study-api and study-canary, with every step limit within the lock */
    private void demoServiceWithinTheLock(StringBuilder yaml) {
        String limit = yamlDuration(stepLimit(Duration.ofSeconds(30)));
        String timeouts = "          deploy-timeout: " + limit + "\n          deploy: {webhook: {timeout: " + limit + "}}\n";
        String verification = "      verification: {request-timeout: " + limit + ", deadline: " + limit + "}\n";
        yaml.append("    ").append(DEMO_SERVICE).append(":\n      environments:\n")
                .append("        staging:\n").append(timeouts)
                .append("        production:\n").append(timeouts)
                .append("          blue-green: {switch: {webhook: {timeout: ").append(limit).append("}}}\n")
                .append(verification);
        // an analysis as long as the limit, at 20 pairs a second: enough pairs for each of its 6 requests
        String analyze = "{analyze: {for: " + limit + "}}";
        yaml.append("    ").append(DEMO_CANARY_SERVICE).append(":\n      environments:\n")
                .append("        staging:\n").append(timeouts)
                .append("        production:\n").append(timeouts)
                .append("          canary:\n")
                .append("            traffic: {webhook: {timeout: ").append(limit).append("}}\n")
                .append("            steps: [{set-weight: 10}, ").append(analyze).append(", {set-weight: 50}, ").append(analyze)
                .append(", {set-weight: 100}]\n")
                .append("            comparison: {requests-per-second: 20}\n")
                .append(verification);
    }

    /** a step limit: as given, or within a quarter of a short job lock */
    private Duration stepLimit(Duration usual) {
        if (lockTime == null) {
            return usual;
        }
        Duration quarter = lockTime.dividedBy(4);
        return quarter.compareTo(usual) < 0 ? quarter : usual;
    }

    private static String yamlDuration(Duration duration) {
        return duration.toMillis() + "ms";
    }
}
