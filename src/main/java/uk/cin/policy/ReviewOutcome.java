package uk.cin.policy;

/** Outcome of a review (docs/policy-rules.md §1). */
public enum ReviewOutcome {

	CLOSE, CONTINUE, REASSESS, ESCALATE

}
