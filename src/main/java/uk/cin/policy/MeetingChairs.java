package uk.cin.policy;

import java.time.LocalDate;
import java.util.List;
import uk.cin.policy.pack.ChairRule;
import uk.cin.policy.pack.Slot;

/**
 * The evaluator of chair and focus rules: who chairs a CIN meeting where the series
 * rule's chair is overridden (CAM-08, CL8-04, NOT-14), the focus it carries (CAM-12), and
 * the review a milestone makes due early (NOT-08). Chair rules are tried in pack order
 * and the first that picks the meeting sets the chair; every focus rule that picks it
 * adds its focus.
 */
final class MeetingChairs {

	/** The chair of a meeting no rule covers: anyone may chair it. */
	static final ChairRequirement UNRULED = new ChairRequirement(ChairRole.SOCIAL_WORKER, List.of(ChairRole.values()),
			null, null);

	/** Chair and focus rules in pack order. */
	private final List<ChairRule> rules;

	MeetingChairs(List<ChairRule> rules) {
		this.rules = List.copyOf(rules);
	}

	/** For one walk of a plan's CIN meeting series. */
	Walk walk(PlanIndex plan) {
		return new Walk(plan);
	}

	/**
	 * The rules as one walk of the CIN meeting series meets them in turn. A rule that
	 * marks "the first review due on or after a milestone" marks one review only, so the
	 * walk remembers which have.
	 */
	final class Walk {

		private final PlanIndex plan;

		private final boolean[] milestoneUsed = new boolean[rules.size()];

		/**
		 * By rule position, plan start plus the rule's firstReviewDueFrom, once asked
		 * for.
		 */
		private LocalDate[] milestones;

		private Walk(PlanIndex plan) {
			this.plan = plan;
		}

		/**
		 * The chair of the meeting in this slot: the series rule's own unless a chair
		 * rule picks the meeting; focus rules that pick it add to {@code focus}.
		 */
		ChairRequirement chair(ChairRequirement seriesChair, Slot slot, int sequence, LocalDate due, DeadlineKind kind,
				PlanIndex.Held filling, List<ReviewFocus> focus) {
			ChairRequirement chair = seriesChair;
			boolean overridden = false;
			boolean review = kind == DeadlineKind.FIRST_REVIEW || kind == DeadlineKind.REVIEW;
			for (int i = 0; i < rules.size(); i++) {
				ChairRule cr = rules.get(i);
				if (!picks(cr, slot, sequence, filling)) {
					continue;
				}
				if (cr.firstReviewDueFrom() != null) {
					if (!review || milestoneUsed[i] || plan.startDate() == null || due == null
							|| due.isBefore(milestone(i))) {
						continue;
					}
					milestoneUsed[i] = true;
				}
				if (cr.isFocus()) {
					focus.add(new ReviewFocus(cr.focus(), cr.ref()));
				}
				else if (!overridden) {
					chair = cr.chair().requirementFor(plan.plan(), cr.ref());
					overridden = true;
				}
			}
			return chair;
		}

		/**
		 * The review a rule marks by milestone is due on that milestone at the latest
		 * where the rule says so (NOT-08, §9: the first review NOT-05 would put on or
		 * after start + 6 months is due on start + 6 months), never before the meeting it
		 * follows; the date then cites that rule. Null where no rule moves the date. The
		 * rules are picked as for the chair, which is asked next.
		 */
		DueDate dueByMilestone(LocalDate due, Slot slot, int sequence, DeadlineKind kind, PlanIndex.Held filling,
				PlanIndex.Held previous) {
			if (plan.startDate() == null || due == null
					|| (kind != DeadlineKind.FIRST_REVIEW && kind != DeadlineKind.REVIEW)) {
				return null;
			}
			for (int i = 0; i < rules.size(); i++) {
				ChairRule cr = rules.get(i);
				if (!cr.dueByMilestone() || milestoneUsed[i] || !picks(cr, slot, sequence, filling)) {
					continue;
				}
				LocalDate milestone = milestone(i);
				if (!due.isAfter(milestone)) {
					// Due before the milestone: not this rule's review. Due on it:
					// already where it should be.
					continue;
				}
				return new DueDate(previous != null && previous.date().isAfter(milestone) ? previous.date() : milestone,
						cr.ref());
			}
			return null;
		}

		private boolean picks(ChairRule cr, Slot slot, int sequence, PlanIndex.Held filling) {
			return cr.when().test(plan.plan()) && (cr.slots().isEmpty() || cr.slots().contains(slot))
					&& (cr.sequence() == null || cr.sequence() == sequence)
					&& (!cr.finalMeeting() || (filling != null && filling.meeting().isFinal()));
		}

		private LocalDate milestone(int rule) {
			if (milestones == null) {
				milestones = new LocalDate[rules.size()];
			}
			if (milestones[rule] == null) {
				milestones[rule] = rules.get(rule).firstReviewDueFrom().after(plan.startDate(), plan.calendar());
			}
			return milestones[rule];
		}

	}

}
