package uk.cin.policy.pack;

import uk.cin.policy.RuleRef;

/**
 * A plan may not close before an anchor date plus a minimum (CAM-05), or before the
 * meeting a series rule sets has been held (DER-07: the delist review must take place
 * even if the plan is to close).
 *
 * @param anchor with {@code minimum}: the date the minimum counts from; null for a guard
 * on a meeting
 * @param untilHeld the series rule whose meeting must be held first; null for a guard on
 * a date. The guard applies only where that rule applies to the plan and its meetings are
 * not suppressed (DER-12)
 */
public record ClosureGuardRule(RuleRef ref, Condition when, Anchor anchor, Offset minimum,
		RuleRef untilHeld) implements PackRule {

	@Override
	public RuleKind kind() {
		return RuleKind.CLOSURE_GUARD;
	}

	@Override
	public <R> R accept(Visitor<R> visitor) {
		return visitor.closureGuard(this);
	}
}
