package uk.cin.policy.pack;

import java.util.ArrayList;
import java.util.List;
import uk.cin.policy.ChairConstraint;
import uk.cin.policy.ChairRequirement;
import uk.cin.policy.ChairRole;
import uk.cin.policy.PlanFacts;
import uk.cin.policy.RuleRef;

/**
 * A chair as a pack states it, with variants for particular plans (DER-04: a social-work-qualified manager when the
 * case is held in a multi-agency team). The first variant whose condition holds replaces the default.
 */
public record ChairSpec(ChairRole role, List<ChairRole> acceptable, ChairConstraint constraint,
        List<Variant> variants) {

    public record Variant(Condition when, ChairRole role, List<ChairRole> acceptable, ChairConstraint constraint) {
    }

    public ChairSpec {
        acceptable = List.copyOf(acceptable);
        variants = List.copyOf(variants);
    }

    public ChairRequirement requirementFor(PlanFacts plan, RuleRef rule) {
        for (Variant variant : variants) {
            if (variant.when().test(plan)) {
                return requirement(variant.role(), variant.acceptable(), variant.constraint(), rule);
            }
        }
        return requirement(role, acceptable, constraint, rule);
    }

    private static ChairRequirement requirement(ChairRole role, List<ChairRole> others, ChairConstraint constraint,
            RuleRef rule) {
        List<ChairRole> roles = new ArrayList<>(others.size() + 1);
        roles.add(role);
        for (ChairRole other : others) {
            if (!roles.contains(other)) {
                roles.add(other);
            }
        }
        return new ChairRequirement(role, roles, constraint, rule);
    }
}
