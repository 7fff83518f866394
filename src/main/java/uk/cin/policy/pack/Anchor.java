package uk.cin.policy.pack;

/** The date a deadline counts from. */
public enum Anchor {

	REFERRAL("referral"), TRIGGER("trigger"), ALLOCATION("allocation"), PLAN_START("plan-start"),
	/** The previous occurrence of a series. */
	PREVIOUS("previous"),
	/** Each held meeting that passes the rule's meeting filter. */
	MEETING("meeting"),
	/** Each recorded plan event of the rule's anchor event kind. */
	EVENT("event");

	private final String packName;

	Anchor(String packName) {
		this.packName = packName;
	}

	public String packName() {
		return packName;
	}

	/**
	 * A date of the plan itself, known once and for all (not a meeting or an event that
	 * may recur).
	 */
	public boolean isPlanDate() {
		return this == REFERRAL || this == TRIGGER || this == ALLOCATION || this == PLAN_START;
	}

}
