package uk.cin.policy;

/** How a plan started (docs/policy-rules.md §1 and §8). */
public enum PlanStartReason {

	AFTER_ASSESSMENT, STEP_DOWN_FROM_CHILD_PROTECTION, AFTER_ICPC_NO_PLAN, RETURNED_HOME_FROM_CARE, AFTER_PROCEEDINGS,
	TRANSFER_IN, PRIVATE_FOSTERING;

	/**
	 * Plans that start by step-down (from a child protection plan, from care, after
	 * proceedings) start on the step-down date unless a meeting is held first
	 * (docs/policy-rules.md §1, "Plan start date").
	 */
	public boolean isStepDown() {
		return this == STEP_DOWN_FROM_CHILD_PROTECTION || this == RETURNED_HOME_FROM_CARE || this == AFTER_PROCEEDINGS;
	}

	/**
	 * Whether the trigger must fall on or after the referral (docs/policy-rules.md §9):
	 * the assessment and the private fostering 7-day visit follow the referral. Every
	 * other trigger is an outside event (a conference, a discharge from care, the end of
	 * proceedings, a family becoming resident) that may come before the receiving team's
	 * referral; the first-meeting rule of §8 still counts from it.
	 */
	public boolean triggerFollowsReferral() {
		return this == AFTER_ASSESSMENT || this == PRIVATE_FOSTERING;
	}

}
