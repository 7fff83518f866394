package uk.cin.policy.pack;

import uk.cin.policy.ChairRole;
import uk.cin.policy.DeadlineKind;
import uk.cin.policy.PlanEventKind;
import uk.cin.policy.RuleRef;

/**
 * Something due a set time before a meeting. It exists once the meeting has been held
 * (docs/policy-rules.md §1: a deadline that depends on a meeting not yet held does not
 * exist yet).
 */
public record BeforeMeetingRule(RuleRef ref, Condition when, MeetingFilter meetings, Offset before,
		DeadlineKind deadline, PlanEventKind metBy, ChairRole responsible) implements PackRule {

	@Override
	public RuleKind kind() {
		return RuleKind.BEFORE_MEETING;
	}

	@Override
	public <R> R accept(Visitor<R> visitor) {
		return visitor.beforeMeeting(this);
	}
}
