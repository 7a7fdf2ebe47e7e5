package dev.liftoff.metrics;

import dev.liftoff.process.Activities;
import java.util.List;
import java.util.Map;

/** The {@code reason} of a production rollback: which boundary event of the production sub-process fired. */
final class RollbackReasons {

    static final String VERIFICATION_FAILED = "verification-failed";
    static final String TRIGGER = "trigger";
    static final String REQUESTED = "requested";
    static final List<String> KNOWN = List.of(VERIFICATION_FAILED, TRIGGER, REQUESTED);

    private static final Map<String, String> BY_BOUNDARY = Map.of(
            Activities.PRODUCTION_VERIFICATION_FAILED, VERIFICATION_FAILED,
            Activities.ROLLBACK_TRIGGERED, TRIGGER,
            Activities.ROLLBACK_REQUESTED, REQUESTED);

    private RollbackReasons() {
    }

    /** a boundary event added to production later counts under its own name, e.g. {@code canary-analysis-failed} */
    static String of(String boundaryEventId) {
        return BY_BOUNDARY.getOrDefault(boundaryEventId, Labels.kebab(boundaryEventId, "BoundaryEvent_"));
    }
}
