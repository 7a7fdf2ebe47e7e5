package dev.liftoff.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.liftoff.config.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoFaultRequestTest {

    private static final Set<String> ENVIRONMENTS = Set.of("staging", "production");

    @Test
    void theExampleOfTheGuideIsUnderstood() {
        DemoFaultRequest request = parse("{\"environment\":\"production\",\"errorPercent\":30,\"addedLatency\":\"300ms\"}");

        assertThat(request).isEqualTo(new DemoFaultRequest("production", 30, Duration.ofMillis(300)));
    }

    @Test
    void eitherPartMayBeLeftOutAndIsoDurationsWorkToo() {
        assertThat(parse("{\"environment\":\"staging\",\"errorPercent\":5}")).isEqualTo(new DemoFaultRequest("staging", 5, Duration.ZERO));
        assertThat(parse("{\"environment\":\"staging\",\"addedLatency\":\"PT1.5S\"}"))
                .isEqualTo(new DemoFaultRequest("staging", 0, Duration.ofMillis(1500)));
        assertThat(parse("{\"environment\":\"staging\",\"errorPercent\":100,\"addedLatency\":\"10s\"}").addedLatency())
                .isEqualTo(Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"errorPercent\":30}                                              | environment | environment is required: one of production, staging",
            "{\"environment\":\"qa\",\"errorPercent\":30}                       | environment | environment 'qa' is not a demo environment; send one of production, staging",
            "{\"environment\":\"production\",\"errorPercent\":101}              | errorPercent | errorPercent 101 must be a whole number from 0 to 100, e.g. 30",
            "{\"environment\":\"production\",\"errorPercent\":-1}               | errorPercent | errorPercent -1 must be a whole number",
            "{\"environment\":\"production\",\"errorPercent\":2.5}              | errorPercent | errorPercent 2.5 must be a whole number",
            "{\"environment\":\"production\",\"errorPercent\":\"30\"}           | errorPercent | must be a whole number from 0 to 100",
            "{\"environment\":\"production\",\"addedLatency\":\"-300ms\"}       | addedLatency | addedLatency must be a duration from 0ms to 10000ms written as text, e.g. \"300ms\" or \"1s\", not -300ms",
            "{\"environment\":\"production\",\"addedLatency\":\"11s\"}          | addedLatency | not 11s",
            "{\"environment\":\"production\",\"addedLatency\":\"slow\"}         | addedLatency | 'slow' is not a duration",
            "{\"environment\":\"production\",\"addedLatency\":300}              | addedLatency | written as text, e.g. \"300ms\" or \"1s\", not 300",
            "{\"environment\":\"production\",\"errorPercent\":0}                | errorPercent | there is nothing to inject"})
    void aWrongFieldIsRefusedByName(String body, String field, String message) {
        ApiProblem problem = refusal(body);

        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(problem.body()).containsEntry("type", "urn:liftoff:problem:invalid-fault").containsEntry("title", "Invalid fault");
        assertThat(errors(problem)).singleElement().satisfies(error -> {
            assertThat(error.get("field")).isEqualTo(field);
            assertThat(error.get("message")).contains(message);
        });
        assertThat(problem.detail()).startsWith("The fault was refused and nothing changed: ").contains(message);
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        ApiProblem problem = refusal("{\"environment\":\"qa\",\"errorPercent\":200,\"addedLatency\":\"-1s\"}");

        assertThat(errors(problem)).extracting(error -> error.get("field")).containsExactly("environment", "errorPercent", "addedLatency");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"not json", "[1,2]", "''"})
    void aBodyThatIsNoJsonObjectIsMalformed(String body) {
        ApiProblem problem = refusal(body);

        assertThat(problem.body()).containsEntry("type", "urn:liftoff:problem:malformed-request");
        assertThat(problem.detail()).contains("{\"environment\":\"production\",\"errorPercent\":30,\"addedLatency\":\"300ms\"}");
        assertThat(errors(problem)).singleElement().extracting(error -> error.get("field")).isEqualTo("body");
    }

    @Test
    void theEnvironmentParameterOfAClearIsOptionalButMustBeKnown() {
        assertThat(DemoFaultRequest.environmentParameter(null, ENVIRONMENTS)).isNull();
        assertThat(DemoFaultRequest.environmentParameter("staging", ENVIRONMENTS)).isEqualTo("staging");

        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> DemoFaultRequest.environmentParameter("prod", ENVIRONMENTS));

        assertThat(problem.body()).containsEntry("type", "urn:liftoff:problem:invalid-parameter");
        assertThat(errors(problem)).singleElement().extracting(error -> error.get("field")).isEqualTo("environment");
        assertThat(problem.detail()).contains("'prod'", "production, staging", "leave it out");
    }

    private static DemoFaultRequest parse(String body) {
        return DemoFaultRequest.parse(body.getBytes(StandardCharsets.UTF_8), ENVIRONMENTS);
    }

    private static ApiProblem refusal(String body) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> parse(body));
        assertThat(problem).as("refused: %s", body).isNotNull();
        return problem;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> errors(ApiProblem problem) {
        return (List<Map<String, String>>) problem.body().get("errors");
    }
}
