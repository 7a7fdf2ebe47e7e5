package dev.liftoff.analysis;

import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.MetricProviderConfig;
import dev.liftoff.config.SecretResolver;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * The metrics providers declared under {@code liftoff.metrics.providers}, by name. Each is built
 * at start, so that a credential variable that is not set or an SSL bundle that is not declared
 * stops Liftoff with the key to fix, not the first analysis.
 */
@Component
public class MetricProviders {

    private final Map<String, MetricProvider> providers;

    @Autowired
    public MetricProviders(LiftoffProperties properties, SecretResolver secrets, ObjectProvider<SslBundles> sslBundles) {
        Map<String, MetricProvider> built = new TreeMap<>();
        properties.metrics().providers().forEach((name, config) ->
                built.put(name, create(name, config, secrets, sslBundles.getIfAvailable())));
        this.providers = Collections.unmodifiableMap(built);
    }

    private MetricProviders(Map<String, MetricProvider> providers) {
        this.providers = Collections.unmodifiableMap(new TreeMap<>(providers));
    }

    /** providers built elsewhere, by their names: for code that runs analyses outside a Liftoff application */
    public static MetricProviders of(MetricProvider... providers) {
        Map<String, MetricProvider> byName = new TreeMap<>();
        for (MetricProvider provider : providers) {
            byName.put(provider.name(), provider);
        }
        return new MetricProviders(byName);
    }

    public Optional<MetricProvider> get(String name) {
        return Optional.ofNullable(name == null ? null : providers.get(name));
    }

    /** the declared names, sorted */
    public Set<String> names() {
        return providers.keySet();
    }

    private static MetricProvider create(String name, MetricProviderConfig config, SecretResolver secrets, SslBundles sslBundles) {
        String key = "liftoff.metrics.providers." + name;
        return switch (config.type()) {
            case PROMETHEUS -> new PrometheusProvider(name, config, PrometheusClientFactory.create(key, config, secrets, sslBundles));
        };
    }
}
