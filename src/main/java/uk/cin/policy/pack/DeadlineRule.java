package uk.cin.policy.pack;

import java.util.List;
import uk.cin.policy.ChairRole;
import uk.cin.policy.DeadlineKind;
import uk.cin.policy.PlanEventKind;
import uk.cin.policy.RuleRef;

/**
 * A deadline a set time after an anchor: a plan date, each held meeting that passes a
 * filter, or each plan event of a kind. An alternative anchor may apply to some plans
 * (NOT-03 for a Section 7-only case anchors on the trigger).
 */
public record DeadlineRule(RuleRef ref, Condition when, Anchor anchor, MeetingFilter meetings,
		PlanEventKind anchorEvent, List<AlternativeAnchor> alternatives, Offset due, DeadlineKind deadline, MetBy metBy,
		ChairRole responsible) implements PackRule {

	public record AlternativeAnchor(Condition when, Anchor anchor) {
	}

	public DeadlineRule {
		alternatives = List.copyOf(alternatives);
	}

	@Override
	public RuleKind kind() {
		return RuleKind.DEADLINE;
	}

	@Override
	public <R> R accept(Visitor<R> visitor) {
		return visitor.deadline(this);
	}
}
