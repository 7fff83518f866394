package uk.cin.policy;

/** Outcome of a review (POLICY-RULES.md §1). */
public enum ReviewOutcome {
    CLOSE,
    CONTINUE,
    REASSESS,
    ESCALATE
}
