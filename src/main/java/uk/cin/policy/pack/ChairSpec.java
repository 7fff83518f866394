package uk.cin.policy.pack;

import java.util.ArrayList;
import java.util.List;
import uk.cin.policy.ChairConstraint;
import uk.cin.policy.ChairRequirement;
import uk.cin.policy.ChairRole;
import uk.cin.policy.PlanFacts;
import uk.cin.policy.RuleRef;

/**
 * A chair as a pack states it, with variants for particular plans (DER-04: a
 * social-work-qualified manager when the case is held in a multi-agency team). The first
 * variant whose condition holds replaces the default.
 */
public record ChairSpec(ChairRole role, List<ChairRole> acceptable, ChairConstraint constraint,
		List<Variant> variants) {

	/**
	 * A chair for the plans {@code when} holds for; {@code acceptable} is stored with the
	 * designated role first.
	 */
	public record Variant(Condition when, ChairRole role, List<ChairRole> acceptable, ChairConstraint constraint) {
		public Variant {
			acceptable = withDesignatedFirst(role, acceptable);
		}
	}

	public ChairSpec {
		acceptable = withDesignatedFirst(role, acceptable);
		variants = List.copyOf(variants);
	}

	public ChairRequirement requirementFor(PlanFacts plan, RuleRef rule) {
		for (Variant variant : variants) {
			if (variant.when().test(plan)) {
				return new ChairRequirement(variant.role(), variant.acceptable(), variant.constraint(), rule);
			}
		}
		return new ChairRequirement(role, acceptable, constraint, rule);
	}

	private static List<ChairRole> withDesignatedFirst(ChairRole role, List<ChairRole> others) {
		List<ChairRole> roles = new ArrayList<>(others.size() + 1);
		if (role != null) {
			roles.add(role);
		}
		for (ChairRole other : others) {
			if (!roles.contains(other)) {
				roles.add(other);
			}
		}
		return List.copyOf(roles);
	}
}
