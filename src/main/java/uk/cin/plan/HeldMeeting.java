package uk.cin.plan;

import uk.cin.policy.MeetingFact;

/**
 * A meeting held on a plan, as the plan needs it: the meeting module owns the record and
 * implements this, so that a plan's evaluation and its {@code meetings} field share one
 * read.
 */
public interface HeldMeeting {

	/** The meeting as the policy engine takes it. */
	MeetingFact fact();

}
