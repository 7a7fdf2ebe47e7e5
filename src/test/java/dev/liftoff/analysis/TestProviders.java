package dev.liftoff.analysis;

import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.SecretResolver;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Metrics providers as Liftoff builds them at start: from {@code liftoff.metrics.*} properties,
 * with secrets from the environment and Spring Boot's SSL bundles ({@code spring.ssl.bundle.*}).
 */
final class TestProviders {

    @Configuration
    @EnableConfigurationProperties(LiftoffProperties.class)
    @Import({SecretResolver.class, MetricProviders.class})
    static class Wiring {
    }

    /** what LiftoffProperties needs besides the metrics */
    private static final String[] REST_OF_LIFTOFF = {
            "liftoff.admin.user=admin", "liftoff.admin.password=admin",
            "liftoff.services.shop.environments.staging.base-url=https://staging.shop.example.com",
            "liftoff.services.shop.environments.staging.deploy.type=command",
            "liftoff.services.shop.environments.staging.deploy.command.argv[0]=/bin/true",
            "liftoff.services.shop.environments.production.base-url=https://shop.example.com",
            "liftoff.services.shop.environments.production.deploy.type=command",
            "liftoff.services.shop.environments.production.deploy.command.argv[0]=/bin/true"};

    private TestProviders() {
    }

    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                        ValidationAutoConfiguration.class, SslAutoConfiguration.class))
                .withUserConfiguration(Wiring.class)
                .withPropertyValues(REST_OF_LIFTOFF);
    }

    /** the provider named {@code prometheus} at {@code url}, with more of its settings and other properties */
    static MetricProvider prometheus(URI url, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "liftoff.metrics.providers.prometheus.type=prometheus",
                "liftoff.metrics.providers.prometheus.url=" + url));
        all.addAll(List.of(properties));
        AtomicReference<MetricProvider> provider = new AtomicReference<>();
        runner().withPropertyValues(all.toArray(String[]::new)).run(context -> provider.set(started(context).get("prometheus").orElseThrow()));
        return provider.get();
    }

    private static MetricProviders started(AssertableApplicationContext context) {
        if (context.getStartupFailure() != null) {
            throw new IllegalStateException("the providers did not start", context.getStartupFailure());
        }
        return context.getBean(MetricProviders.class);
    }
}
