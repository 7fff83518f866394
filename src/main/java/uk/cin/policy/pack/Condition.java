package uk.cin.policy.pack;

import java.util.Map;
import java.util.Set;
import uk.cin.policy.PlanFacts;
import uk.cin.policy.PlanFlag;
import uk.cin.policy.PlanStartReason;

/**
 * When a rule applies to a plan: start reasons (empty means any), start reasons it never applies to, flags that must
 * be set or unset, and whether the child must be disabled (null: either).
 */
public record Condition(
        Set<PlanStartReason> startReasons,
        Set<PlanStartReason> exceptStartReasons,
        Map<PlanFlag, Boolean> flags,
        Boolean childDisabled) {

    public static final Condition ALWAYS = new Condition(Set.of(), Set.of(), Map.of(), null);

    public Condition {
        startReasons = Set.copyOf(startReasons);
        exceptStartReasons = Set.copyOf(exceptStartReasons);
        flags = Map.copyOf(flags);
    }

    public boolean test(PlanFacts plan) {
        if (!startReasons.isEmpty() && !startReasons.contains(plan.startReason())) {
            return false;
        }
        if (exceptStartReasons.contains(plan.startReason())) {
            return false;
        }
        for (Map.Entry<PlanFlag, Boolean> flag : flags.entrySet()) {
            if (plan.has(flag.getKey()) != flag.getValue()) {
                return false;
            }
        }
        return childDisabled == null || childDisabled == plan.childDisabled();
    }
}
