package uk.cin.policy;

import java.time.LocalDate;
import java.util.List;
import uk.cin.policy.pack.Occurrence;
import uk.cin.policy.pack.SeriesRule;

/**
 * What a meeting agrees, against the limits of the series rule it falls under: a next
 * date or an interval may bring a review forward; only a granted exception stretches one
 * (CL8-06, CL8-03, LAZ-03). Over the limit, the agreement is refused as bad input and the
 * rule's own date stands.
 */
final class Agreements {

	private Agreements() {
	}

	/**
	 * The due date after what was agreed: a next date set at the previous meeting, else
	 * an agreed interval in force (rules that take one), else the plan's own visit
	 * frequency.
	 */
	static DueDate agreedDue(SeriesRule rule, LocalDate ruleDue, LocalDate anchor, PlanIndex.Held previous,
			MeetingFact intervalSetter, PlanIndex plan, Findings out) {
		DueDate byRule = new DueDate(ruleDue, rule.ref());
		if (rule.occurrence() == Occurrence.CHILD_SEEN_VISIT) {
			return new DueDate(visitDue(rule, ruleDue, anchor, plan, out), rule.ref());
		}
		if (previous == null || previous.meeting() == null) {
			return byRule;
		}
		MeetingFact meeting = previous.meeting();
		LocalDate agreed = meeting.nextReviewDate();
		MeetingFact setter = meeting;
		if (agreed == null && rule.agreed() && intervalSetter != null) {
			agreed = previous.date().plusWeeks(intervalSetter.agreedReviewIntervalWeeks());
			setter = intervalSetter;
		}
		if (agreed == null) {
			return byRule;
		}
		boolean fromDate = setter == meeting && meeting.nextReviewDate() != null;
		if (!agreed.isAfter(previous.date())) {
			if (fromDate) {
				out.problem(ValidationCode.NEXT_DATE_NOT_AFTER_MEETING, rule.ruleForLimit(), meeting.id(),
						"nextReviewDate",
						"the next review date " + agreed + " must be after the meeting on " + previous.date());
			}
			return byRule;
		}
		if (!agreed.isAfter(ruleDue)) {
			return new DueDate(agreed, rule.ref());
		}
		SeriesRule.IntervalException allowing = allowingException(rule, setter, agreed, anchor, plan);
		if (allowing != null) {
			return new DueDate(agreed, allowing.rule());
		}
		if (fromDate) {
			out.problem(ValidationCode.NEXT_DATE_OVER_LIMIT, limitRule(rule, setter, plan), meeting.id(),
					"nextReviewDate", "the next review date " + agreed + " is later than " + ruleDue + ", " + rule.due()
							+ " after " + anchor + overLimitHint(rule, setter, plan));
		}
		return byRule;
	}

	/**
	 * The plan's own visit frequency, where the rule takes one: it may only be shorter
	 * (LAZ-05).
	 */
	private static LocalDate visitDue(SeriesRule rule, LocalDate ruleDue, LocalDate anchor, PlanIndex plan,
			Findings out) {
		Integer frequency = plan.plan().visitFrequencyWorkingDays();
		if (!rule.agreed() || frequency == null) {
			return ruleDue;
		}
		LocalDate planDue = plan.calendar().plusWorkingDays(anchor, Math.max(frequency, 1));
		if (frequency < 1 || planDue.isAfter(ruleDue)) {
			out.problem(ValidationCode.VISIT_FREQUENCY_OVER_LIMIT, rule.ref(), null, "visitFrequencyWorkingDays",
					"the plan's visit frequency must be between 1 and the authority's " + rule.due() + " ("
							+ rule.ref().id() + ")");
			return ruleDue;
		}
		return planDue;
	}

	/**
	 * An interval agreed at a meeting must be within the limit of the authority's later
	 * reviews (NOT-05...), checked when the meeting is recorded, whether or not a later
	 * review follows. {@code later} is the CIN meeting rule that sets the plan's later
	 * reviews, null where none does.
	 */
	static void checkAgreedIntervals(SeriesRule later, PlanIndex plan, Findings out) {
		for (MeetingFact m : plan.cinMeetings()) {
			Integer weeks = m.agreedReviewIntervalWeeks();
			if (weeks == null) {
				continue;
			}
			if (weeks <= 0) {
				out.problem(ValidationCode.INTERVAL_NOT_POSITIVE, RuleRef.COMMON, m.id(), "agreedReviewIntervalWeeks",
						"an agreed review interval must be at least 1 week");
				continue;
			}
			if (later == null) {
				continue;
			}
			LocalDate agreed = m.heldOn().plusWeeks(weeks);
			LocalDate limit = later.due().after(m.heldOn(), plan.calendar());
			if (!agreed.isAfter(limit) || allowingException(later, m, agreed, m.heldOn(), plan) != null) {
				continue;
			}
			out.problem(ValidationCode.INTERVAL_OVER_LIMIT, limitRule(later, m, plan), m.id(),
					"agreedReviewIntervalWeeks", "an agreed review interval of " + weeks
							+ " weeks is over the limit of " + later.due() + overLimitHint(later, m, plan));
		}
	}

	/**
	 * The first exception the setter's record grants whose limit allows the date; null
	 * when none does.
	 */
	private static SeriesRule.IntervalException allowingException(SeriesRule rule, MeetingFact setter, LocalDate agreed,
			LocalDate anchor, PlanIndex plan) {
		List<SeriesRule.IntervalException> exceptions = rule.exceptions();
		for (int i = 0; i < exceptions.size(); i++) {
			SeriesRule.IntervalException exception = exceptions.get(i);
			if (granted(exception, setter, plan) && (exception.limit() == null
					|| !agreed.isAfter(exception.limit().after(anchor, plan.calendar())))) {
				return exception;
			}
		}
		return null;
	}

	private static boolean granted(SeriesRule.IntervalException exception, MeetingFact setter, PlanIndex plan) {
		return setter.hasExceptionReason() && (!exception.requiresDisabledChild() || plan.plan().childDisabled());
	}

	/**
	 * The first exception the setter's record grants, whatever its limit; null when none.
	 */
	private static SeriesRule.IntervalException grantedException(SeriesRule rule, MeetingFact setter, PlanIndex plan) {
		for (SeriesRule.IntervalException exception : rule.exceptions()) {
			if (granted(exception, setter, plan)) {
				return exception;
			}
		}
		return null;
	}

	private static RuleRef limitRule(SeriesRule rule, MeetingFact setter, PlanIndex plan) {
		SeriesRule.IntervalException granted = grantedException(rule, setter, plan);
		return granted != null ? granted.rule() : rule.ruleForLimit();
	}

	private static String overLimitHint(SeriesRule rule, MeetingFact setter, PlanIndex plan) {
		String cited = " (" + rule.ruleForLimit().id() + ")";
		if (rule.exceptions().isEmpty()) {
			return cited;
		}
		SeriesRule.IntervalException granted = grantedException(rule, setter, plan);
		if (granted != null) {
			return "; with the recorded exception it may be at most " + granted.limit() + " (" + granted.rule().id()
					+ ")";
		}
		StringBuilder allowed = new StringBuilder();
		for (SeriesRule.IntervalException exception : rule.exceptions()) {
			String who = exception.requiresDisabledChild() ? "for a disabled child, with a recorded reason"
					: "with a recorded exception reason";
			String upTo = exception.limit() == null ? "" : ", up to " + exception.limit();
			allowed.append(allowed.isEmpty() ? "" : " or ")
				.append(who)
				.append(upTo)
				.append(" (")
				.append(exception.rule().id())
				.append(")");
		}
		return cited + "; a longer interval is allowed only " + allowed;
	}

}
