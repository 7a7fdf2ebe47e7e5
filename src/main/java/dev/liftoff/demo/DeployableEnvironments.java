package dev.liftoff.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the demo deployer deploys to: each demo service's environments, in order. Answers which slot
 * runs a deploy's build, or rejects with 422 naming what is allowed.
 */
final class DeployableEnvironments {

    private final Map<String, Map<String, DeployableEnvironment>> byService = new LinkedHashMap<>();

    /** @param environments the service's environments by name, in the order the 422s name them */
    DeployableEnvironments add(String service, Map<String, DeployableEnvironment> environments) {
        byService.put(service, new LinkedHashMap<>(environments));
        return this;
    }

    /** The slot that is to run the build of {@code request}. */
    DemoEnvironment slotFor(DeployRequest request) {
        DeployableEnvironment target = of(request.service(), request.environment());
        request.requireBuild();
        return target.slot(request.slot()).orElseThrow(() -> new RequestRejected(422,
                request.service() + " " + request.environment() + ": " + target.slotRule()));
    }

    /** The blue-green slots a switch moves traffic between. */
    DemoSlots blueGreen(DeployRequest request) {
        DeployableEnvironment target = of(request.service(), request.environment());
        request.requireBuild();
        if (!(target instanceof DemoSlots slots)) {
            throw new RequestRejected(422, request.service() + " " + request.environment() + " has no blue-green slots to switch"
                    + (target instanceof CanarySlots ? "; its traffic moves by weight, with POST /traffic" : ""));
        }
        return slots;
    }

    /** The canary whose traffic a weight splits. */
    CanarySlots canary(String service, String environment) {
        DeployableEnvironment target = of(service, environment);
        if (!(target instanceof CanarySlots slots)) {
            throw new RequestRejected(422, service + " " + environment + " is no canary; traffic weights are for " + canaries());
        }
        return slots;
    }

    private DeployableEnvironment of(String service, String environment) {
        Map<String, DeployableEnvironment> environments = byService.get(service);
        if (environments == null) {
            throw new RequestRejected(422, "unknown service '" + service + "'; the demo deployer deploys "
                    + String.join(" and ", byService.keySet()));
        }
        DeployableEnvironment target = environments.get(environment);
        if (target == null) {
            throw new RequestRejected(422, "unknown environment '" + environment + "' of " + service + "; known: "
                    + environments.keySet());
        }
        return target;
    }

    private String canaries() {
        return byService.entrySet().stream()
                .flatMap(service -> service.getValue().entrySet().stream()
                        .filter(environment -> environment.getValue() instanceof CanarySlots)
                        .map(environment -> service.getKey() + " " + environment.getKey()))
                .toList().toString();
    }
}
