package uk.cin.policy.pack;

import java.util.Set;
import uk.cin.policy.RuleRef;

/**
 * No deadlines of these series for the plans it applies to (DER-12: no CIN reviews for
 * NRPF-only cases).
 */
public record SuppressRule(RuleRef ref, Condition when, Set<Occurrence> occurrences) implements PackRule {

	public SuppressRule {
		occurrences = Set.copyOf(occurrences);
	}

	@Override
	public RuleKind kind() {
		return RuleKind.SUPPRESS;
	}

	@Override
	public <R> R accept(Visitor<R> visitor) {
		return visitor.suppress(this);
	}
}
