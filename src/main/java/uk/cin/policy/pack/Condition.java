package uk.cin.policy.pack;

import java.util.EnumSet;
import java.util.Set;
import uk.cin.policy.PlanFacts;
import uk.cin.policy.PlanFlag;
import uk.cin.policy.PlanStartReason;

/**
 * When a rule applies to a plan: start reasons (empty means any), start reasons it never applies to, flags that must
 * be set, flags that must not be, and whether the child must be disabled (null: either). Tested for every slot of
 * every plan, so it holds enum sets and arrays rather than general collections.
 */
public final class Condition {

    public static final Condition ALWAYS = new Condition(Set.of(), Set.of(), Set.of(), Set.of(), null);

    private final EnumSet<PlanStartReason> startReasons;
    private final EnumSet<PlanStartReason> exceptStartReasons;
    private final PlanFlag[] flagsSet;
    private final PlanFlag[] flagsUnset;
    private final Boolean childDisabled;

    public Condition(Set<PlanStartReason> startReasons, Set<PlanStartReason> exceptStartReasons,
            Set<PlanFlag> flagsSet, Set<PlanFlag> flagsUnset, Boolean childDisabled) {
        this.startReasons = startReasons.isEmpty() ? EnumSet.noneOf(PlanStartReason.class)
                : EnumSet.copyOf(startReasons);
        this.exceptStartReasons = exceptStartReasons.isEmpty() ? EnumSet.noneOf(PlanStartReason.class)
                : EnumSet.copyOf(exceptStartReasons);
        this.flagsSet = flagsSet.toArray(PlanFlag[]::new);
        this.flagsUnset = flagsUnset.toArray(PlanFlag[]::new);
        this.childDisabled = childDisabled;
    }

    public boolean test(PlanFacts plan) {
        if (!startReasons.isEmpty() && !startReasons.contains(plan.startReason())) {
            return false;
        }
        if (exceptStartReasons.contains(plan.startReason())) {
            return false;
        }
        for (PlanFlag flag : flagsSet) {
            if (!plan.has(flag)) {
                return false;
            }
        }
        for (PlanFlag flag : flagsUnset) {
            if (plan.has(flag)) {
                return false;
            }
        }
        return childDisabled == null || childDisabled == plan.childDisabled();
    }
}
