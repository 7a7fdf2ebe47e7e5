package dev.liftoff.demo;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults injected into the demo's builds, one per build of an environment at most: injecting
 * again replaces it. A fault outlives a switch away from its build and is back when the build serves
 * again, as a faulty release is; clearing removes it.
 */
final class DemoFaults {

    private static final Logger log = LoggerFactory.getLogger(DemoFaults.class);

    private record BuildKey(String environment, String commit) {
        BuildKey {
            commit = commit.toLowerCase(Locale.ROOT);
        }
    }

    private final Map<String, DemoSlots> environments;
    private final Map<BuildKey, InjectedFault> byBuild = new ConcurrentHashMap<>();

    DemoFaults(Map<String, DemoSlots> environments) {
        this.environments = Map.copyOf(environments);
    }

    Set<String> environments() {
        return environments.keySet();
    }

    /** Injects the fault into the build live in {@code environment} at this moment; {@code by} is who asked, for the log. */
    InjectedFault inject(String environment, int errorPercent, Duration addedLatency, String by) {
        RunningBuild live = slots(environment).live().running();
        InjectedFault fault = new InjectedFault(environment, live, errorPercent, addedLatency);
        byBuild.put(new BuildKey(environment, live.commit()), fault);
        log.info("Demo fault injected by {}: {}", by, fault);
        return fault;
    }

    /** The fault of the build answering in {@code environment}, if one was injected into it. */
    Optional<InjectedFault> of(String environment, RunningBuild build) {
        return byBuild.isEmpty() ? Optional.empty() : Optional.ofNullable(byBuild.get(new BuildKey(environment, build.commit())));
    }

    List<InjectedFault.View> list() {
        return byBuild.values().stream()
                .map(fault -> fault.view(isLive(fault)))
                .sorted(Comparator.comparing(InjectedFault.View::environment).thenComparing(InjectedFault.View::since))
                .toList();
    }

    /**
     * @param environment the environment whose faults go, or null for all
     * @param by who asked, for the log
     * @return how many faults were cleared
     */
    int clear(String environment, String by) {
        List<BuildKey> cleared = byBuild.keySet().stream()
                .filter(key -> environment == null || key.environment().equals(environment))
                .toList();
        cleared.forEach(byBuild::remove);
        log.info("Demo faults cleared by {}{}: {} removed, {} left", by, environment == null ? "" : " in " + environment,
                cleared.size(), byBuild.size());
        return cleared.size();
    }

    private boolean isLive(InjectedFault fault) {
        return slots(fault.environment()).live().running().commit().equalsIgnoreCase(fault.build().commit());
    }

    private DemoSlots slots(String environment) {
        DemoSlots slots = environments.get(environment);
        if (slots == null) {
            throw new IllegalArgumentException("no demo environment " + environment + "; known: " + environments.keySet());
        }
        return slots;
    }
}
