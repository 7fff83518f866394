package uk.cin.policy.pack;

/** What fills the slots of a repeating series. */
public enum Occurrence {

	/** PLANNING and REVIEW meetings: one series. */
	CIN_MEETING("cin-meeting"),
	/** NETWORK meetings: a series of their own (DER-01, DER-02). */
	NETWORK_MEETING("network-meeting"),
	/** Visits at which the child was seen (LAZ-05). */
	CHILD_SEEN_VISIT("child-seen-visit"),
	/**
	 * Plan events of the kind the rule names (CAM-13: case summaries), each counted from
	 * the one before.
	 */
	PLAN_EVENT("plan-event");

	private final String packName;

	Occurrence(String packName) {
		this.packName = packName;
	}

	public String packName() {
		return packName;
	}

	/** Meetings have chairs; visits and events do not, and count from plan start. */
	public boolean isMeeting() {
		return this == CIN_MEETING || this == NETWORK_MEETING;
	}

}
