package dev.liftoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    @Test
    void aRetriedStepGetsTheSameKey() {
        String key = IdempotencyKeys.of("4f1c-instance", "Task_DeployToStaging", "staging");

        assertThat(key).matches("liftoff-[0-9a-f]{32}")
                .isEqualTo(IdempotencyKeys.of("4f1c-instance", "Task_DeployToStaging", "staging"));
    }

    @Test
    void anotherInstanceStepOrEnvironmentGetsAnotherKey() {
        String key = IdempotencyKeys.of("4f1c-instance", "Task_Deploy", "staging");

        assertThat(key)
                .isNotEqualTo(IdempotencyKeys.of("7a2b-instance", "Task_Deploy", "staging"))
                .isNotEqualTo(IdempotencyKeys.of("4f1c-instance", "Task_Rollback", "staging"))
                .isNotEqualTo(IdempotencyKeys.of("4f1c-instance", "Task_Deploy", "production"))
                .isNotEqualTo(IdempotencyKeys.of("4f1c-instance", "Task_Deploystaging", ""));
    }
}
