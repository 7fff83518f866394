package uk.cin.policy.pack;

import java.util.Set;
import uk.cin.policy.RuleRef;

/**
 * Overrides the chair of a CIN meeting chosen by the series rule (kind {@code chair}), or
 * marks a focus for it (kind {@code focus}): both pick their meeting the same way. Chair
 * rules are tried in pack order; the first whose conditions hold sets the chair; every
 * focus rule whose conditions hold adds its focus.
 *
 * @param slots slots it applies to (empty: any)
 * @param sequence only the meeting with this sequence number (CL8-04); null: any
 * @param finalMeeting only a meeting recorded as final (CAM-07); never the next meeting,
 * which is not known to be final
 * @param firstReviewDueFrom only the first review due on or after plan start plus this
 * (NOT-08, CL8-05, CAM-12)
 * @param dueByMilestone that review is due on plan start plus firstReviewDueFrom at the
 * latest (NOT-08: the 6-month review is held at the 6-month point), and never before the
 * meeting it follows
 * @param chair the chair it sets; null for a focus rule
 * @param focus the focus it marks (TRAJECTORY_REVIEW); null for a chair rule
 */
public record ChairRule(RuleRef ref, Condition when, Set<Slot> slots, Integer sequence, boolean finalMeeting,
		Offset firstReviewDueFrom, boolean dueByMilestone, ChairSpec chair, String focus) implements PackRule {

	public ChairRule {
		slots = Set.copyOf(slots);
	}

	/** A focus rule marks its meeting and leaves the chair as it is. */
	public boolean isFocus() {
		return chair == null;
	}

	@Override
	public RuleKind kind() {
		return isFocus() ? RuleKind.FOCUS : RuleKind.CHAIR;
	}

	@Override
	public <R> R accept(Visitor<R> visitor) {
		return isFocus() ? visitor.focus(this) : visitor.chair(this);
	}
}
