package uk.cin.policy.pack;

import uk.cin.policy.ChairRole;
import uk.cin.policy.DeadlineKind;
import uk.cin.policy.PlanEventKind;
import uk.cin.policy.RuleRef;

/** A milestone counted from plan start, once or repeating ({@code every} not null), met by a plan event. */
public record MilestoneRule(
        RuleRef ref,
        Condition when,
        Offset at,
        Offset every,
        DeadlineKind deadline,
        PlanEventKind metBy,
        ChairRole responsible) implements PackRule {
}
