package dev.liftoff.verification;

import dev.liftoff.config.Slot;
import dev.liftoff.process.Vars;

/** Where the checks of a slot are kept and how they are named for people. */
final class Evidence {

    private Evidence() {
    }

    /** {@code <environment>Verification}, or {@code <environment>IdleSlotVerification} for the idle slot */
    static String variable(String environment, Slot slot) {
        return slot == Slot.IDLE ? Vars.idleSlotVerificationOf(environment) : Vars.verificationOf(environment);
    }

    /** e.g. {@code production}, or {@code production idle slot} */
    static String label(String environment, Slot slot) {
        return slot == Slot.IDLE ? environment + " idle slot" : environment;
    }
}
