package uk.cin.policy;

/** What a deadline asks for (docs/policy-rules.md §1, contract enum DeadlineKind). */
public enum DeadlineKind {

	FIRST_HOME_VISIT, INITIAL_MEETING, FIRST_REVIEW, REVIEW, NETWORK_MEETING, MANAGEMENT_OVERSIGHT, INVITATIONS_SENT,
	REPORT_SHARED, PLAN_UPDATED, PLAN_DISTRIBUTED, MEETING_RECORDED, MANAGER_SIGN_OFF, STATUTORY_VISIT, CASE_SUMMARY,
	CASE_CLOSURE, STEP_DOWN_PREPARATION, MHA_S136_REVIEW;

	/**
	 * Kinds that describe the next CIN meeting; nextReviewDue is the earliest open one of
	 * these.
	 */
	public boolean isCinMeeting() {
		return this == INITIAL_MEETING || this == FIRST_REVIEW || this == REVIEW;
	}

}
