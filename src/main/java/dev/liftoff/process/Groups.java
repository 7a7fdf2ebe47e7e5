package dev.liftoff.process;

import java.util.List;

/** Camunda groups of the public contract. */
public final class Groups {
    public static final String RELEASE_MANAGERS = "release-managers";
    public static final String UAT_TESTERS = "uat-testers";
    public static final String ENGINEERING_LEADS = "engineering-leads";
    public static final String SECURITY_LEADS = "security-leads";
    public static final String OPERATIONS = "operations";
    public static final String PRODUCT_OWNERS = "product-owners";
    public static final String CI = "ci";
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** groups whose members decide in Tasklist */
    public static final List<String> APPROVERS = List.of(
            RELEASE_MANAGERS, UAT_TESTERS, ENGINEERING_LEADS, SECURITY_LEADS, OPERATIONS, PRODUCT_OWNERS);

    private Groups() {
    }
}
