package uk.cin.policy.pack;

import uk.cin.policy.RuleRef;

/** A rule of a policy pack. The kinds of rule are code; their durations, roles and ids are data. */
public sealed interface PackRule
        permits SeriesRule, DeadlineRule, MilestoneRule, BeforeMeetingRule, ChairRule, ClosureGuardRule, SuppressRule,
        LimitRule {

    RuleRef ref();

    /** The plans the rule applies to. */
    Condition when();
}
