package dev.liftoff.process;

/** The values a person's decision takes in forms and in the {@code approvals} record. */
public final class Decisions {
    public static final String GO = "GO";
    public static final String NO_GO = "NO_GO";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    /** answers to "production is restored and verified" */
    public static final String YES = "YES";
    public static final String NO = "NO";
    /** answers to inconclusive metrics: go on without them, or treat them as a failed check */
    public static final String CARRY_ON = "CARRY_ON";
    public static final String STOP = "STOP";
    /** answers to a canary's pause until approved: go on to the next step, or roll back */
    public static final String PROMOTE = "PROMOTE";
    public static final String ABORT = "ABORT";

    private Decisions() {
    }
}
