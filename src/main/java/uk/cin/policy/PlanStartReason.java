package uk.cin.policy;

/** How a plan started (POLICY-RULES.md §1 and §8). */
public enum PlanStartReason {
    AFTER_ASSESSMENT,
    STEP_DOWN_FROM_CHILD_PROTECTION,
    AFTER_ICPC_NO_PLAN,
    RETURNED_HOME_FROM_CARE,
    AFTER_PROCEEDINGS,
    TRANSFER_IN,
    PRIVATE_FOSTERING;

    /**
     * Plans that start by step-down (from a child protection plan, from care, after proceedings) start on the
     * step-down date unless a meeting is held first (POLICY-RULES.md §1, "Plan start date").
     */
    public boolean isStepDown() {
        return this == STEP_DOWN_FROM_CHILD_PROTECTION || this == RETURNED_HOME_FROM_CARE || this == AFTER_PROCEEDINGS;
    }
}
