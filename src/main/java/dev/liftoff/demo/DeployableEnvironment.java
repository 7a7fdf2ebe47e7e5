package dev.liftoff.demo;

import java.util.Optional;

/**
 * One environment of a demo service as the deployer sees it: the slot a deploy goes to, by the name
 * the deploy gives ({@code null} for none), and the rule a deploy naming another slot is told.
 */
interface DeployableEnvironment {

    /** @return the slot that runs the build of a deploy naming {@code slot}, or empty if there is no such slot here */
    Optional<DemoEnvironment> slot(String slot);

    /** The slots a deploy may name here, as a sentence for the 422 of a deploy naming another. */
    String slotRule();
}
