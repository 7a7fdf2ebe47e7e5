package dev.liftoff.fullstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo study-api of the full-stack tests, with its latency targets (the percentiles and the
 * smoke checks' {@code max-latency}) {@value #FACTOR} times the reference plan's. The demo answers
 * in a few milliseconds, but on a busy 2-core machine, shared by the build, the test, the
 * application and a browser, a thread may wait 100 ms for the CPU: that would fail a release the
 * test wants to see pass, through no fault of the release. Latency is judged against the
 * reference targets in tests of its own. The lists are copied whole, because a list in a
 * property source of higher priority replaces the list below it.
 */
public class RelaxedDemoLatency implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final int FACTOR = 10;
    private static final String SERVICE = "liftoff.services.study-api.";
    private static final Pattern LISTS = Pattern.compile(Pattern.quote(SERVICE) + "(latency|smoke)\\[.*");
    private static final Pattern TARGET = Pattern.compile(".*(\\.p50|\\.p95|\\.p99|\\.max-latency)$");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> relaxed = new LinkedHashMap<>();
        for (PropertySource<?> source : demoService()) {
            for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                if (LISTS.matcher(name).matches()) {
                    Object value = source.getProperty(name);
                    relaxed.put(name, TARGET.matcher(name).matches() ? scaled(value.toString()) : value);
                }
            }
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("relaxedDemoLatency", relaxed));
    }

    private static String scaled(String target) {
        Duration duration = DurationStyle.detectAndParse(target);
        return duration.multipliedBy(FACTOR).toMillis() + "ms";
    }

    private static List<PropertySource<?>> demoService() {
        try {
            return new YamlPropertySourceLoader().load("demo study-api", new ClassPathResource("liftoff-demo-study-api.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
