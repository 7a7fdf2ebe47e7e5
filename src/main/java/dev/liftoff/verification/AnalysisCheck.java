package dev.liftoff.verification;

import dev.liftoff.analysis.AnalysisResult;
import dev.liftoff.analysis.Verdict;

/** A metric analysis' run as one check of a verification, with its own evidence beside the usual fields. */
final class AnalysisCheck {

    private AnalysisCheck() {
    }

    static CheckResult of(AnalysisResult result) {
        return new CheckResult("metric " + result.name(), result.verdict() == Verdict.PASSED, result.condition(), result.summary(),
                result.durationMs(), null, result.verdict() == Verdict.INCONCLUSIVE, result.evidence());
    }
}
