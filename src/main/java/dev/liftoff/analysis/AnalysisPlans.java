package dev.liftoff.analysis;

import dev.liftoff.config.AnalysisConfig;
import dev.liftoff.config.AnalysisUse;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every metric analysis of every environment, resolved once at start: the environment's declaration
 * over the service's, defaults applied, queries and conditions parsed, providers looked up. A
 * declaration that cannot run (unknown provider, no query, a condition or a template that does not
 * parse) stops the start with its configuration key named. Named {@code analysisPlans} so that the
 * BPMN can ask for a trigger's interval.
 */
@Component("analysisPlans")
public class AnalysisPlans {

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final int DEFAULT_INCONCLUSIVE_LIMIT = 2;
    static final List<AnalysisUse> DEFAULT_USES = List.of(AnalysisUse.VERIFICATION, AnalysisUse.MONITORING);

    private final Map<String, Map<String, List<AnalysisPlan>>> plans = new LinkedHashMap<>();

    @Autowired
    public AnalysisPlans(LiftoffProperties properties, MetricProviders providers) {
        this(properties, providers.names());
    }

    public AnalysisPlans(LiftoffProperties properties, Set<String> providers) {
        Set<String> problems = new LinkedHashSet<>();
        properties.services().forEach((service, config) -> {
            Map<String, List<AnalysisPlan>> byEnvironment = new LinkedHashMap<>();
            config.environments().forEach((environment, environmentConfig) ->
                    byEnvironment.put(environment, resolve(service, config, environment, environmentConfig, providers, problems)));
            plans.put(service, byEnvironment);
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Metric analyses that cannot run:\n  " + String.join("\n  ", problems));
        }
    }

    /** the analyses of an environment that run there in that way */
    public List<AnalysisPlan> of(String service, String environment, AnalysisUse use) {
        return of(service, environment).stream().filter(plan -> plan.runsIn(use)).toList();
    }

    public List<AnalysisPlan> of(String service, String environment) {
        return plans.getOrDefault(service, Map.of()).getOrDefault(environment, List.of());
    }

    public Optional<AnalysisPlan> find(String service, String environment, String name) {
        return of(service, environment).stream().filter(plan -> plan.name().equals(name)).findFirst();
    }

    /** the names of the environment's rollback triggers, each watched in a loop of its own */
    public List<String> triggers(String service, String environment) {
        return of(service, environment, AnalysisUse.ROLLBACK_TRIGGER).stream().map(AnalysisPlan::name).toList();
    }

    /** how often a trigger is measured, as the ISO duration a BPMN timer reads */
    public String interval(String service, String environment, String trigger) {
        return require(service, environment, trigger).interval().toString();
    }

    public AnalysisPlan require(String service, String environment, String name) {
        return find(service, environment, name).orElseThrow(() -> new IllegalStateException("no metric analysis '" + name
                + "' is declared for " + service + " on " + environment + "; declared: "
                + of(service, environment).stream().map(AnalysisPlan::name).toList()));
    }

    /** every resolved analysis, for checks that look at all of them (e.g. how long a step may take) */
    public Collection<AnalysisPlan> all() {
        return plans.values().stream().flatMap(byEnvironment -> byEnvironment.values().stream()).flatMap(List::stream).toList();
    }

    private static List<AnalysisPlan> resolve(String service, ServiceConfig config, String environment, EnvironmentConfig environmentConfig,
            Set<String> providers, Set<String> problems) {
        Set<String> names = new TreeSet<>(config.analyses().keySet());
        names.addAll(environmentConfig.analyses().keySet());
        List<AnalysisPlan> resolved = new ArrayList<>();
        for (String name : names) {
            AnalysisConfig own = environmentConfig.analyses().get(name);
            AnalysisConfig inherited = config.analyses().get(name);
            AnalysisConfig merged = own == null ? inherited : own.overriding(inherited);
            if (!merged.isEnabled()) {
                continue;
            }
            Keys keys = new Keys("liftoff.services." + service + ".analyses." + name,
                    "liftoff.services." + service + ".environments." + environment + ".analyses." + name, own, inherited);
            plan(name, merged, keys, providers, problems).ifPresent(resolved::add);
        }
        return List.copyOf(resolved);
    }

    private static Optional<AnalysisPlan> plan(String name, AnalysisConfig config, Keys keys, Set<String> providers, Set<String> problems) {
        int before = problems.size();
        if (config.provider() == null || config.provider().isBlank()) {
            problems.add(keys.of("provider", AnalysisConfig::provider) + ": say which metrics provider answers the query, one of "
                    + providers + " (declared under liftoff.metrics.providers)");
        } else if (!providers.contains(config.provider())) {
            problems.add(keys.of("provider", AnalysisConfig::provider) + ": unknown provider '" + config.provider() + "'; declared under "
                    + "liftoff.metrics.providers: " + (providers.isEmpty() ? "none" : providers));
        }
        PromQlTemplate query = null;
        if (config.query() == null || config.query().isBlank()) {
            problems.add(keys.of("query", AnalysisConfig::query) + ": set the query, e.g. sum(rate(http_requests_total{service=\"{{service}}\"}[1m]))");
        } else {
            try {
                query = PromQlTemplate.parse(config.query());
            } catch (IllegalArgumentException e) {
                problems.add(keys.of("query", AnalysisConfig::query) + ": " + e.getMessage());
            }
        }
        Condition success = condition(config.success(), keys.of("success", AnalysisConfig::success), problems);
        Condition failure = condition(config.failure(), keys.of("failure", AnalysisConfig::failure), problems);
        if (config.success() == null && config.failure() == null && config.againstPrevious() == null) {
            problems.add(keys.declared() + ": say what passes: success (e.g. result < 0.05), failure, or against-previous");
        }
        EnumSet<AnalysisUse> uses = EnumSet.noneOf(AnalysisUse.class);
        uses.addAll(config.runIn() == null ? DEFAULT_USES : config.runIn());
        if (uses.isEmpty()) {
            problems.add(keys.of("run-in", AnalysisConfig::runIn) + ": say where it runs: verification, monitoring, rollback-trigger "
                    + "(or enabled: false to turn it off)");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new AnalysisPlan(name, config.provider(), query, success, failure,
                config.interval() == null ? DEFAULT_INTERVAL : config.interval(),
                config.count() == null ? 1 : config.count(),
                config.failureLimit() == null ? 0 : config.failureLimit(),
                config.inconclusiveLimit() == null ? DEFAULT_INCONCLUSIVE_LIMIT : config.inconclusiveLimit(),
                config.againstPrevious(), uses,
                config.sustainedFor() == null ? Duration.ZERO : config.sustainedFor(),
                keys.declared()));
    }

    private static Condition condition(String text, String key, Set<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return Condition.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return null;
        }
    }

    /** names the key of a field where the environment set it, else where the service did */
    private record Keys(String service, String environment, AnalysisConfig own, AnalysisConfig inherited) {

        String of(String field, Function<AnalysisConfig, Object> value) {
            if (own != null && value.apply(own) != null) {
                return environment + "." + field;
            }
            return (inherited != null ? service : environment) + "." + field;
        }

        String declared() {
            return inherited != null ? service : environment;
        }
    }
}
