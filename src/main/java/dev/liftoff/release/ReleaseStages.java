package dev.liftoff.release;

import static dev.liftoff.process.Activities.DEPLOY_TO_PRODUCTION;
import static dev.liftoff.process.Activities.DEPLOY_TO_STAGING;
import static dev.liftoff.process.Activities.GO_LIVE_SIGNOFF;
import static dev.liftoff.process.Activities.GO_NO_GO_TASK;
import static dev.liftoff.process.Activities.MEASURE_LATENCY_BASELINE;
import static dev.liftoff.process.Activities.MONITOR_PRODUCTION;
import static dev.liftoff.process.Activities.MONITOR_STAGING;
import static dev.liftoff.process.Activities.OUTCOME_STEPS;
import static dev.liftoff.process.Activities.PRE_DEPLOYMENT_CHECKS;
import static dev.liftoff.process.Activities.PRODUCTION;
import static dev.liftoff.process.Activities.RELEASE_CLOSURE;
import static dev.liftoff.process.Activities.ROLLBACK;
import static dev.liftoff.process.Activities.STAGING_JOIN;
import static dev.liftoff.process.Activities.STAGING_WATCH;
import static dev.liftoff.process.Activities.UAT_SIGNOFF;
import static dev.liftoff.process.Activities.VALIDATE_REQUEST;

import java.util.Collection;
import java.util.Locale;

/** The stage of a release in words, from the activities its root instance is in. */
final class ReleaseStages {

    static final String CLOSING = "closing the release";

    private ReleaseStages() {
    }

    /** e.g. {@code released}, {@code rolled back} */
    static String ended(ReleaseState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * @param activities the activity ids the root is in (nested ones included)
     * @param openTasks  the task keys of its open user tasks
     */
    static String describe(Collection<String> activities, Collection<String> openTasks) {
        return describe(activities, openTasks, false);
    }

    /**
     * @param goNoGoDecided whether a release manager has decided the Go/No-Go: between that and the
     *     staging deploy the release is still inside its pre-deployment checks, but they are done
     */
    static String describe(Collection<String> activities, Collection<String> openTasks, boolean goNoGoDecided) {
        if (activities.contains(RELEASE_CLOSURE) || activities.stream().anyMatch(OUTCOME_STEPS::contains)) {
            return CLOSING;
        }
        if (activities.contains(ROLLBACK)) {
            return "rolling production back";
        }
        if (activities.contains(MONITOR_PRODUCTION)) {
            return "production monitoring";
        }
        if (activities.contains(DEPLOY_TO_PRODUCTION)) {
            return "deploying to production";
        }
        if (activities.contains(MEASURE_LATENCY_BASELINE)) {
            return "measuring production latency before the deploy";
        }
        if (activities.contains(PRODUCTION)) {
            return "production";
        }
        if (activities.contains(GO_LIVE_SIGNOFF)) {
            return "go-live sign-off";
        }
        boolean uat = activities.contains(UAT_SIGNOFF);
        boolean watching = activities.contains(MONITOR_STAGING);
        if (uat && watching || activities.contains(STAGING_JOIN) || activities.contains(STAGING_WATCH) && !uat && !watching) {
            return "UAT and staging monitoring";
        }
        if (uat) {
            return "UAT (staging monitoring done)";
        }
        if (watching) {
            return "staging monitoring (UAT passed)";
        }
        if (activities.contains(DEPLOY_TO_STAGING)) {
            return "deploying to staging";
        }
        if (activities.contains(PRE_DEPLOYMENT_CHECKS)) {
            if (openTasks.contains(GO_NO_GO_TASK)) {
                return "Go/No-Go decision";
            }
            return goNoGoDecided ? "Go/No-Go decided" : "pre-deployment checks";
        }
        if (activities.contains(VALIDATE_REQUEST)) {
            return "request validation";
        }
        return "between stages";
    }

    /** whether a person may ask for a rollback now: the {@code RollbackRequested} boundary hangs on the production sub-process */
    static boolean canRollBack(Collection<String> activities) {
        return activities.contains(PRODUCTION);
    }
}
