package uk.cin.policy.pack;

import uk.cin.policy.RuleRef;

/**
 * A rule with no timing of its own that series rules cite: a limit on what a meeting may
 * agree (CL8-03) or the permission to exceed one (CL8-06).
 */
public record LimitRule(RuleRef ref, Condition when) implements PackRule {

	@Override
	public RuleKind kind() {
		return RuleKind.LIMIT;
	}

	@Override
	public <R> R accept(Visitor<R> visitor) {
		return visitor.limit(this);
	}
}
