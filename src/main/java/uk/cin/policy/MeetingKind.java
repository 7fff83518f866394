package uk.cin.policy;

/** PLANNING and REVIEW form one series on a plan; NETWORK meetings have their own. */
public enum MeetingKind {

	PLANNING, REVIEW, NETWORK

}
