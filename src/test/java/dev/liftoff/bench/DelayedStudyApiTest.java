package dev.liftoff.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.verification.VerificationReport;
import dev.liftoff.verification.VerificationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DelayedStudyApiTest {

    private static final String COMMIT = "0123abcd4567ef89";

    private final DelayedStudyApi target = DelayedStudyApi.start(COMMIT);

    @AfterEach
    void stop() {
        target.close();
    }

    @Test
    void passesEveryCheckOfTheReferencePlanNoSoonerThanItsSlowestEndpoint() {
        VerificationReport report = new VerificationService(ReferencePlan.smokeSuite(target.port()))
                .verify(ReferencePlan.SERVICE, ReferencePlan.ENVIRONMENT, COMMIT);

        assertThat(report.passed()).as(report.summary()).isTrue();
        // health, deployed commit, the smoke assertions and the 4 security headers of the plan
        assertThat(report.checks()).hasSize(2 + ReferencePlan.SMOKE_ASSERTIONS + 4);
        assertThat(report.durationMs()).isGreaterThanOrEqualTo(DelayedStudyApi.SLOWEST.toMillis());
    }

    @Test
    void reportsTheCommitItWasStartedWith() {
        VerificationReport report = new VerificationService(ReferencePlan.smokeSuite(target.port()))
                .verify(ReferencePlan.SERVICE, ReferencePlan.ENVIRONMENT, "fedcba9876543210");

        assertThat(report.checks()).filteredOn(check -> check.name().equals("deployed commit"))
                .singleElement().satisfies(check -> assertThat(check.passed()).isFalse());
    }
}
