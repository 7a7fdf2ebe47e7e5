package dev.liftoff.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.process.Decisions;
import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The UAT pass rule as the decision table {@code uat-feedback-verdict} decides it, row by row. */
@Deployment(resources = "processes/uat-feedback-verdict.dmn")
class UatRuleTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda-process-test.cfg.xml").build();

    private DecisionService decisions;

    @BeforeEach
    void decisions(ProcessEngine processEngine) {
        decisions = processEngine.getDecisionService();
    }

    @Test
    void passesWhenEveryTesterSaysGoConfidentlyWithoutBlockingIssues() {
        UatRule.Verdict verdict = UatRule.evaluate(decisions, List.of(
                feedback("ursula", Decisions.GO, 4, List.of(new UatFeedback.Issue("Sev-3", "typo on the summary page"))),
                feedback("uma", Decisions.GO, 3, List.of())), 3);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.reason()).isEqualTo("UAT passed: 2 tester(s) said go with confidence ≥ 3 and no Sev-1/Sev-2 issue.");
    }

    @Test
    void namesEveryRuleEachTesterBreaks() {
        UatRule.Verdict verdict = UatRule.evaluate(decisions, List.of(
                feedback("ursula", "NO_GO", 2, List.of(new UatFeedback.Issue("Sev-1", "checkout loses the basket"),
                        new UatFeedback.Issue("Sev-2", "prices round wrongly"))),
                feedback("uma", Decisions.GO, 3, List.of())), 3);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reason()).isEqualTo("UAT failed: ursula said no-go (tried twice); ursula's confidence 2 is below the "
                + "minimum 3; ursula reported a Sev-1 issue: checkout loses the basket; ursula reported a Sev-2 issue: prices round wrongly.");
    }

    @Test
    void confidenceAtTheMinimumPassesAndOneBelowFails() {
        assertThat(UatRule.evaluate(decisions, List.of(feedback("uma", Decisions.GO, 4, List.of())), 4).passed()).isTrue();
        assertThat(UatRule.evaluate(decisions, List.of(feedback("uma", Decisions.GO, 3, List.of())), 4).reason())
                .isEqualTo("UAT failed: uma's confidence 3 is below the minimum 4.");
    }

    @Test
    void noFeedbackFails() {
        assertThat(UatRule.evaluate(decisions, List.of(), 3).reason()).isEqualTo("UAT failed: no tester gave feedback.");
    }

    private static UatFeedback feedback(String tester, String decision, int confidence, List<UatFeedback.Issue> issues) {
        return new UatFeedback(tester, decision, confidence, List.of(), List.of(), issues,
                Decisions.GO.equals(decision) ? null : "tried twice", "2026-11-22T10:00:00Z");
    }
}
