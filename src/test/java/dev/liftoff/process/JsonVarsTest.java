package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/** Reading JSON variables in every form the engine hands them over. */
class JsonVarsTest {

    @Test
    void aJsonValueIsReadFromItsTextWithoutDeserializingIt() {
        assertThat(JsonVars.readValue(SpinValues.jsonValue("[{\"user\":\"eli\"}]").create()).path(0).path("user").asText())
                .isEqualTo("eli");
    }

    /**
     * What the engine hands over for a JSON variable whose stored text is gone: a sibling sign-off
     * task completed by another person at the same moment had its variables deleted between this
     * transaction's reading of the variable and of its text. It reads as absent (the concurrent
     * change then fails this transaction as an optimistic locking conflict), not as an error of Spin.
     */
    @Test
    void aJsonValueWithoutItsTextReadsAsAbsent() {
        assertThat(JsonVars.readValue(SpinValues.jsonValue((String) null).create()).isNull()).isTrue();
    }

    @Test
    void plainValuesAndJsonTextAreReadToo() {
        assertThat(JsonVars.readValue(Variables.stringValue("[1, 2]")).size()).isEqualTo(2);
        assertThat(JsonVars.readValue(Variables.longValue(4L)).asLong()).isEqualTo(4);
        assertThat(JsonVars.readValue(Variables.stringValue(null)).isNull()).isTrue();
        assertThat(JsonVars.readValue(null).isNull()).isTrue();
    }
}
