package uk.cin.policy.pack;

import uk.cin.policy.ChairRole;
import uk.cin.policy.DeadlineKind;
import uk.cin.policy.PlanEventKind;
import uk.cin.policy.RuleRef;

/**
 * A milestone counted from a plan date, once or repeating ({@code every} not null), met
 * by a plan event.
 *
 * @param anchor the plan date it counts from: plan start (NOT-09, LAZ-10), or the
 * referral (DER-10: the case is open from its referral); the milestone exists as soon as
 * that date is known
 */
public record MilestoneRule(RuleRef ref, Condition when, Anchor anchor, Offset at, Offset every, DeadlineKind deadline,
		PlanEventKind metBy, ChairRole responsible) implements PackRule {

	@Override
	public RuleKind kind() {
		return RuleKind.MILESTONE;
	}

	@Override
	public <R> R accept(Visitor<R> visitor) {
		return visitor.milestone(this);
	}
}
