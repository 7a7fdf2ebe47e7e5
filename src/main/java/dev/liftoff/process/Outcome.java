package dev.liftoff.process;

/** How a release ended (PRODUCT.md): the value of the {@code outcome} variable. */
public enum Outcome {
    RELEASED, REJECTED, FAILED, ROLLED_BACK
}
