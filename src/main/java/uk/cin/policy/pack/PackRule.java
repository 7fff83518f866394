package uk.cin.policy.pack;

import uk.cin.policy.RuleRef;

/**
 * A rule of a policy pack. The kinds of rule are code; their durations, roles and ids are
 * data. Code that treats rules by kind does it through a {@link Visitor}, which has one
 * method per {@link RuleKind}: a new kind does not compile until every visitor handles
 * it.
 */
public sealed interface PackRule permits SeriesRule, DeadlineRule, MilestoneRule, BeforeMeetingRule, ChairRule,
		ClosureGuardRule, SuppressRule, LimitRule {

	RuleRef ref();

	/** The plans the rule applies to. */
	Condition when();

	/** The kind of rule, as the pack file names it. */
	RuleKind kind();

	<R> R accept(Visitor<R> visitor);

	/**
	 * One method per kind of rule; chair and focus rules share a shape (a
	 * {@link ChairRule}) but not a meaning.
	 */
	interface Visitor<R> {

		R series(SeriesRule rule);

		R deadline(DeadlineRule rule);

		R milestone(MilestoneRule rule);

		R beforeMeeting(BeforeMeetingRule rule);

		R chair(ChairRule rule);

		R focus(ChairRule rule);

		R closureGuard(ClosureGuardRule rule);

		R suppress(SuppressRule rule);

		R limit(LimitRule rule);

	}

}
