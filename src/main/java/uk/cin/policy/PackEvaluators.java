package uk.cin.policy;

import java.util.ArrayList;
import java.util.List;
import uk.cin.policy.pack.BeforeMeetingRule;
import uk.cin.policy.pack.ChairRule;
import uk.cin.policy.pack.ClosureGuardRule;
import uk.cin.policy.pack.DeadlineRule;
import uk.cin.policy.pack.LimitRule;
import uk.cin.policy.pack.MilestoneRule;
import uk.cin.policy.pack.Occurrence;
import uk.cin.policy.pack.PackRule;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.policy.pack.SeriesRule;
import uk.cin.policy.pack.SuppressRule;

/**
 * A pack's rules handed, kind by kind, to their evaluators, once per pack; then run in a
 * fixed order for each plan. Immutable, so one instance serves every evaluation with the
 * pack.
 *
 * <p>
 * The order is part of the answer: problems are listed in the order found, and deadlines
 * with the same due date, kind and rule in the order made. Closure guards on a meeting
 * follow the CIN meeting series they ask about.
 */
final class PackEvaluators {

	private final SeriesEvaluator series;

	private final ClosureGuards closureGuards;

	private final AnchoredDeadlines deadlines;

	private final BeforeMeetingDeadlines beforeMeetings;

	private final Milestones milestones;

	private PackEvaluators(Sorter rules) {
		Suppressions suppressions = new Suppressions(rules.suppress);
		this.series = new SeriesEvaluator(rules.series, new MeetingChairs(rules.chairs), suppressions);
		this.closureGuards = new ClosureGuards(rules.closureGuards, series.meetingRules(), suppressions);
		this.deadlines = new AnchoredDeadlines(rules.deadlines);
		this.beforeMeetings = new BeforeMeetingDeadlines(rules.beforeMeetings);
		this.milestones = new Milestones(rules.milestones);
	}

	static PackEvaluators of(PolicyPack pack) {
		Sorter sorter = new Sorter();
		for (PackRule rule : pack.rules()) {
			rule.accept(sorter);
		}
		return new PackEvaluators(sorter);
	}

	void evaluate(PlanIndex plan, Findings out) {
		closureGuards.checkMinimums(plan, out);
		series.checkAgreedIntervals(plan, out);
		series.evaluate(Occurrence.CIN_MEETING, plan, out);
		closureGuards.checkUntilHeld(plan, out);
		series.evaluate(Occurrence.NETWORK_MEETING, plan, out);
		series.evaluate(Occurrence.CHILD_SEEN_VISIT, plan, out);
		series.evaluate(Occurrence.PLAN_EVENT, plan, out);
		deadlines.evaluate(plan, out);
		beforeMeetings.evaluate(plan, out);
		milestones.evaluate(plan, out);
	}

	/**
	 * Sorts a pack's rules by kind, each kind's in pack order (which decides precedence
	 * among them).
	 */
	private static final class Sorter implements PackRule.Visitor<Void> {

		private final List<SeriesRule> series = new ArrayList<>();

		private final List<DeadlineRule> deadlines = new ArrayList<>();

		private final List<MilestoneRule> milestones = new ArrayList<>();

		private final List<BeforeMeetingRule> beforeMeetings = new ArrayList<>();

		/**
		 * Chair and focus rules together: they pick meetings alike, and a milestone marks
		 * one review for both.
		 */
		private final List<ChairRule> chairs = new ArrayList<>();

		private final List<ClosureGuardRule> closureGuards = new ArrayList<>();

		private final List<SuppressRule> suppress = new ArrayList<>();

		@Override
		public Void series(SeriesRule rule) {
			series.add(rule);
			return null;
		}

		@Override
		public Void deadline(DeadlineRule rule) {
			deadlines.add(rule);
			return null;
		}

		@Override
		public Void milestone(MilestoneRule rule) {
			milestones.add(rule);
			return null;
		}

		@Override
		public Void beforeMeeting(BeforeMeetingRule rule) {
			beforeMeetings.add(rule);
			return null;
		}

		@Override
		public Void chair(ChairRule rule) {
			chairs.add(rule);
			return null;
		}

		@Override
		public Void focus(ChairRule rule) {
			chairs.add(rule);
			return null;
		}

		@Override
		public Void closureGuard(ClosureGuardRule rule) {
			closureGuards.add(rule);
			return null;
		}

		@Override
		public Void suppress(SuppressRule rule) {
			suppress.add(rule);
			return null;
		}

		/**
		 * A limit has nothing to evaluate: series rules cite it (limitRule,
		 * exception.rule).
		 */
		@Override
		public Void limit(LimitRule rule) {
			return null;
		}

	}

}
