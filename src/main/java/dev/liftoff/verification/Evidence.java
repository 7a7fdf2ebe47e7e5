package dev.liftoff.verification;

import dev.liftoff.config.Slot;
import dev.liftoff.process.Vars;

/** Where the checks of a slot are kept and how they are named for people. */
final class Evidence {

    private Evidence() {
    }

    /** {@code <environment>Verification}, or {@code <environment>IdleSlotVerification} for the idle slot, and so on */
    static String variable(String environment, Slot slot) {
        return switch (slot) {
            case LIVE -> Vars.verificationOf(environment);
            case IDLE -> Vars.idleSlotVerificationOf(environment);
            case CANARY -> Vars.canaryVerificationOf(environment);
            case STABLE -> Vars.stableVerificationOf(environment);
        };
    }

    /** e.g. {@code production}, {@code production idle slot} or {@code production canary} */
    static String label(String environment, Slot slot) {
        return switch (slot) {
            case LIVE -> environment;
            case IDLE -> environment + " idle slot";
            case CANARY -> environment + " canary";
            case STABLE -> environment + " stable version";
        };
    }
}
