package uk.cin.policy.pack;

import uk.cin.policy.RuleRef;

/** A plan may not close before an anchor date plus a minimum (CAM-05). */
public record ClosureGuardRule(RuleRef ref, Condition when, Anchor anchor, Offset minimum) implements PackRule {
}
