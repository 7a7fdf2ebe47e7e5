package dev.liftoff.verification;

import dev.liftoff.config.SmokeCheck;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * Sends a service's smoke requests on the verification's pool and reports their checks in the
 * configured order. The responses stay available, so that other checks (security headers) can
 * judge them without asking the environment again.
 */
final class SmokeRunner {

    private final ExpectationEvaluator evaluator = new ExpectationEvaluator();
    private final VerificationRun run;
    private final List<SmokeCheck> smoke;
    private final List<Future<TargetOutcome>> pending;
    private List<Optional<TargetOutcome>> outcomes;

    private SmokeRunner(VerificationRun run, URI baseUrl, List<SmokeCheck> smoke) {
        this.run = run;
        this.smoke = smoke;
        this.pending = smoke.stream()
                .map(check -> run.submit(() -> run.http().send(baseUrl, check.method(), check.path(), check.headers(), check.body())))
                .toList();
    }

    static SmokeRunner start(VerificationRun run, URI baseUrl, List<SmokeCheck> smoke) {
        return new SmokeRunner(run, baseUrl, smoke);
    }

    /** one check per expectation, in config order; a request the deadline cut short fails all of its checks */
    List<CheckResult> checks() {
        List<Optional<TargetOutcome>> outcomes = outcomes();
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < smoke.size(); i++) {
            SmokeCheck check = smoke.get(i);
            results.addAll(outcomes.get(i)
                    .map(outcome -> evaluator.evaluate(check, outcome))
                    .orElseGet(() -> evaluator.unfinished(check, run.unfinished(), run.elapsedMs())));
        }
        return results;
    }

    /** every smoke response labelled "name (METHOD path)"; empty when any of them did not come in time */
    Optional<List<LabelledOutcome>> responses() {
        List<Optional<TargetOutcome>> outcomes = outcomes();
        if (outcomes.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        List<LabelledOutcome> responses = new ArrayList<>();
        for (int i = 0; i < smoke.size(); i++) {
            SmokeCheck check = smoke.get(i);
            responses.add(new LabelledOutcome(check.name() + " (" + check.method() + " " + check.path() + ")", outcomes.get(i).get()));
        }
        return Optional.of(responses);
    }

    private List<Optional<TargetOutcome>> outcomes() {
        if (outcomes == null) {
            outcomes = pending.stream().map(run::await).toList();
        }
        return outcomes;
    }
}
