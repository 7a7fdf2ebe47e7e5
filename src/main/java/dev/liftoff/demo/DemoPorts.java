package dev.liftoff.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Prepares the demo profile before anything binds to it: a demo port set to 0 (or not set)
 * becomes a free loopback port, and with {@code liftoff.demo.free-ports=true} every one does, so
 * many demo contexts can run side by side, and a fresh deploy
 * token is made for this run, read by the webhook adapter like an environment variable. With
 * {@code liftoff.demo.prometheus-url} set, {@value #PROMETHEUS_CONFIG} is loaded too, below every
 * other source, so that whatever a user sets wins.
 */
public class DemoPorts implements EnvironmentPostProcessor, Ordered {

    public static final String DEMO_PROFILE = "demo";
    public static final String STAGING_PORT = "liftoff.demo.staging-port";
    public static final String PRODUCTION_PORT = "liftoff.demo.production-port";
    public static final String PRODUCTION_IDLE_PORT = "liftoff.demo.production-idle-port";
    public static final String DEPLOYER_PORT = "liftoff.demo.deployer-port";
    public static final String CANARY_STAGING_PORT = "liftoff.demo.canary-staging-port";
    public static final String CANARY_PRODUCTION_PORT = "liftoff.demo.canary-production-port";
    public static final String CANARY_STABLE_PORT = "liftoff.demo.canary-stable-port";
    public static final String CANARY_PORT = "liftoff.demo.canary-port";
    public static final String SMTP_PORT = "liftoff.demo.smtp-port";
    public static final String DEPLOY_TOKEN = "LIFTOFF_DEMO_DEPLOY_TOKEN";
    public static final String PROMETHEUS_URL = "liftoff.demo.prometheus-url";
    /** true: every demo port is a free loopback port, whatever the demo's defaults say */
    public static final String FREE_PORTS = "liftoff.demo.free-ports";
    static final String PROMETHEUS_CONFIG = "liftoff-demo-prometheus.yaml";

    static final String PROPERTY_SOURCE_NAME = "liftoffDemoPorts";
    private static final List<String> PORT_PROPERTIES = List.of(STAGING_PORT, PRODUCTION_PORT, PRODUCTION_IDLE_PORT, DEPLOYER_PORT,
            CANARY_STAGING_PORT, CANARY_PRODUCTION_PORT, CANARY_STABLE_PORT, CANARY_PORT, SMTP_PORT);
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** After config data, so that the profiles activated in application.yaml are known. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
            return;
        }
        boolean allFree = environment.getProperty(FREE_PORTS, Boolean.class, false);
        List<String> unassigned = PORT_PROPERTIES.stream()
                .filter(property -> allFree || environment.getProperty(property, Integer.class, 0) == 0)
                .toList();
        Map<String, Object> values = new LinkedHashMap<>();
        List<Integer> ports = freeLoopbackPorts(unassigned.size());
        for (int i = 0; i < unassigned.size(); i++) {
            values.put(unassigned.get(i), ports.get(i));
        }
        values.put(DEPLOY_TOKEN, newDeployToken());
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, values));
        String prometheusUrl = environment.getProperty(PROMETHEUS_URL);
        if (prometheusUrl != null && !prometheusUrl.isBlank()) {
            prometheusConfig().forEach(environment.getPropertySources()::addLast);
        }
    }

    private static List<PropertySource<?>> prometheusConfig() {
        try {
            return new YamlPropertySourceLoader().load(PROMETHEUS_CONFIG, new ClassPathResource(PROMETHEUS_CONFIG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROMETHEUS_CONFIG + " from the classpath", e);
        }
    }

    /** Holds all sockets open until every port is known, so that no two properties get the same port. */
    private static List<Integer> freeLoopbackPorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the demo service", e);
        } finally {
            sockets.forEach(DemoPorts::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port was only probed; a failed close leaves nothing to clean up
        }
    }

    private static String newDeployToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
