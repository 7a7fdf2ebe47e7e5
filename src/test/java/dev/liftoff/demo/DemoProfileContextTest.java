package dev.liftoff.demo;

import static dev.liftoff.demo.DemoClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.config.ApiSecurity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/** The demo service as the demo profile starts it: ports and token from {@link DemoPorts}. */
class DemoProfileContextTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DemoProperties.class)
    @Import(DemoTargetServer.class)
    static class DemoServiceOnly {
    }

    /**
     * The demo service and its fault API on a real servlet server, behind Liftoff's own API security
     * against the users of a Camunda engine: the web and security part of Liftoff, without the rest.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DemoProperties.class)
    @Import({DemoTargetServer.class, DemoFaultsController.class, ApiSecurity.class})
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
    static class DemoServiceOverHttp {

        @Bean(destroyMethod = "close")
        ProcessEngine identityEngine() {
            StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setJdbcUrl("jdbc:h2:mem:demo-faults-" + UUID.randomUUID());
            configuration.setProcessEngineName("demo-faults-" + UUID.randomUUID());
            configuration.setJobExecutorActivate(false);
            // users and passwords are all this engine is for
            configuration.setDmnEnabled(false);
            configuration.setDmnFeelEnableLegacyBehavior(true);
            configuration.setCmmnEnabled(false);
            configuration.setHistory("none");
            configuration.setMetricsEnabled(false);
            return configuration.buildProcessEngine();
        }

        @Bean
        IdentityService identityService(ProcessEngine identityEngine) {
            return identityEngine.getIdentityService();
        }
    }

    private static final String OTTO = "Basic " + Base64.getEncoder().encodeToString("otto:otto".getBytes(StandardCharsets.UTF_8));

    private final DemoClient client = new DemoClient();

    @Test
    void demoProfileServesOnTheAssignedPortsWithTheGeneratedToken() {
        URI staging;
        try (ConfigurableApplicationContext context = start(DemoServiceOnly.class, WebApplicationType.NONE, "demo")) {
            Environment environment = context.getEnvironment();
            DemoTargetServer server = context.getBean(DemoTargetServer.class);
            staging = server.baseUrl("staging");

            assertThat(staging.getPort()).isEqualTo(environment.getProperty(DemoPorts.STAGING_PORT, Integer.class))
                    .as("a free port, not application-demo.yaml's").isNotEqualTo(8181);
            assertThat(server.deployerUrl().getPort()).isEqualTo(environment.getProperty(DemoPorts.DEPLOYER_PORT, Integer.class));
            assertThat(server.studyCanaryUrl("production").getPort())
                    .isEqualTo(environment.getProperty(DemoPorts.CANARY_PRODUCTION_PORT, Integer.class))
                    .as("a free port, not application-demo.yaml's").isNotEqualTo(8185);
            assertThat(server.canaryUrl().getPort()).isEqualTo(environment.getProperty(DemoPorts.CANARY_PORT, Integer.class));
            assertThat(client.post(server.deployerUrl(), "/deploy",
                    "{\"service\":\"study-api\",\"environment\":\"staging\",\"version\":\"2026.12.0\",\"commitSha\":\"abc1234\"}",
                    "Authorization", "Bearer " + environment.getProperty(DemoPorts.DEPLOY_TOKEN),
                    "Idempotency-Key", "release-1").statusCode()).isEqualTo(202);
            assertThat(environment.getProperty("liftoff.metrics.providers.demo-prometheus.type")).as("no Prometheus set").isNull();
        }
        assertThatThrownBy(() -> connect(staging)).as("stopped with the context").isInstanceOf(IOException.class);
    }

    @Test
    void otherProfilesStartNoDemoService() {
        // the postgres profile wants to be told where its database is; nothing here connects to it
        try (ConfigurableApplicationContext context = start(DemoServiceOnly.class, WebApplicationType.NONE, "postgres",
                "LIFTOFF_DB_URL=jdbc:postgresql://127.0.0.1:5432/liftoff", "LIFTOFF_DB_USER=liftoff")) {
            assertThat(context.getBeansOfType(DemoTargetServer.class)).isEmpty();
        }
    }

    @Test
    void aSignedInUserInjectsListsAndClearsFaultsOverHttp() {
        try (ConfigurableApplicationContext context = start(DemoServiceOverHttp.class, WebApplicationType.SERVLET, "demo",
                "liftoff.demo.prometheus-url=http://127.0.0.1:9090", "liftoff.demo.traffic-per-second=0")) {
            createUser(context.getBean(IdentityService.class), "otto");
            URI liftoff = URI.create("http://127.0.0.1:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort());
            URI production = context.getBean(DemoTargetServer.class).baseUrl("production");
            String commit = json(client.get(production, "/api/version")).get("commit").asText();
            String fault = "{\"environment\":\"production\",\"errorPercent\":30,\"addedLatency\":\"300ms\"}";

            HttpResponse<String> anonymous = client.post(liftoff, DemoFaultsController.PATH, fault);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/problem+json"));

            HttpResponse<String> injected = client.post(liftoff, DemoFaultsController.PATH, fault, "Authorization", OTTO);
            assertThat(injected.statusCode()).isEqualTo(200);
            JsonNode view = json(injected);
            assertThat(view.get("environment").asText()).isEqualTo("production");
            assertThat(view.get("commit").asText()).isEqualTo(commit);
            assertThat(view.get("version").asText()).isEqualTo("2026.11.0");
            assertThat(view.get("errorPercent").asInt()).isEqualTo(30);
            assertThat(view.get("addedLatency").asText()).isEqualTo("300ms");
            assertThat(view.get("since").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
            assertThat(view.get("live").asBoolean()).isTrue();

            long started = System.nanoTime();
            client.get(production, "/api/version");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            JsonNode listed = json(client.get(liftoff, DemoFaultsController.PATH, "Authorization", OTTO));
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("requests").asInt()).isEqualTo(1);

            HttpResponse<String> refused = client.post(liftoff, DemoFaultsController.PATH,
                    "{\"environment\":\"qa\",\"errorPercent\":101,\"addedLatency\":\"-5ms\"}", "Authorization", OTTO);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(refused).get("type").asText()).isEqualTo("urn:liftoff:problem:invalid-fault");
            assertThat(json(refused).get("errors")).extracting(error -> error.get("field").asText())
                    .containsExactly("environment", "errorPercent", "addedLatency");
            HttpResponse<String> unknown = client.delete(liftoff, DemoFaultsController.PATH + "?environment=qa", "Authorization", OTTO);
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(json(unknown).at("/errors/0/field").asText()).isEqualTo("environment");

            HttpResponse<String> cleared = client.delete(liftoff, DemoFaultsController.PATH + "?environment=production",
                    "Authorization", OTTO);
            assertThat(cleared.statusCode()).isEqualTo(200);
            assertThat(json(cleared).get("cleared").asInt()).isEqualTo(1);
            assertThat(json(client.get(liftoff, DemoFaultsController.PATH, "Authorization", OTTO))).isEmpty();

            assertThat(context.getEnvironment().getProperty("liftoff.metrics.providers.demo-prometheus.url"))
                    .as("the demo's Prometheus provider, loaded since prometheus-url is set").isEqualTo("http://127.0.0.1:9090");
        }
    }

    /** Properties as command-line arguments, so that they win over the fixed ports of application-demo.yaml. */
    private static ConfigurableApplicationContext start(Class<?> configuration, WebApplicationType web, String profile,
            String... properties) {
        Stream<String> freePorts = Stream.of("liftoff.demo.staging-port=0", "liftoff.demo.production-port=0",
                "liftoff.demo.deployer-port=0", "liftoff.demo.production-idle-port=0", "liftoff.demo.canary-staging-port=0",
                "liftoff.demo.canary-production-port=0", "liftoff.demo.canary-stable-port=0", "liftoff.demo.canary-port=0",
                "liftoff.demo.smtp-port=0", "server.port=0");
        return new SpringApplicationBuilder(configuration)
                .web(web)
                .profiles(profile)
                .run(Stream.concat(freePorts, Stream.of(properties)).map(property -> "--" + property).toArray(String[]::new));
    }

    private static void createUser(IdentityService identityService, String id) {
        User user = identityService.newUser(id);
        user.setPassword(id);
        identityService.saveUser(user);
    }

    private static void connect(URI uri) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
        }
    }
}
