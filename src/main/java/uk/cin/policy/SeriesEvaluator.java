package uk.cin.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import uk.cin.policy.pack.Anchor;
import uk.cin.policy.pack.Occurrence;
import uk.cin.policy.pack.SeriesRule;
import uk.cin.policy.pack.Slot;

/**
 * The evaluator of series rules: CIN meetings, network meetings, statutory visits and
 * plan events such as case summaries, each a series of slots filled in the order held.
 * Each slot is set by the first rule whose condition holds; what the previous meeting
 * agreed may move its date ({@link Agreements}); for CIN meetings, chair and focus rules
 * may override its chair or move its date ({@link MeetingChairs}). Suppress rules take a
 * series' deadlines away ({@link Suppressions}).
 */
final class SeriesEvaluator {

	/**
	 * The rule that sets a slot and the due date it gives (null where the anchor is not
	 * known), and the rule the date comes from: the slot's rule, or the exception that
	 * allowed a longer interval (CL8-06 "instead of CL8-02").
	 */
	private record Choice(SeriesRule rule, LocalDate due, RuleRef dueRule) {
	}

	/**
	 * Rules by what fills their slots, each list in pack order; plan-event series under
	 * PLAN_EVENT.
	 */
	private final Map<Occurrence, List<SeriesRule>> rules;

	/**
	 * Plan-event series by the kind of event that fills them, in event kind order
	 * (CAM-13).
	 */
	private final Map<PlanEventKind, List<SeriesRule>> eventSeries;

	private final MeetingChairs chairs;

	private final Suppressions suppressions;

	SeriesEvaluator(List<SeriesRule> rules, MeetingChairs chairs, Suppressions suppressions) {
		Map<Occurrence, List<SeriesRule>> byOccurrence = new EnumMap<>(Occurrence.class);
		for (Occurrence occurrence : Occurrence.values()) {
			byOccurrence.put(occurrence, new ArrayList<>());
		}
		Map<PlanEventKind, List<SeriesRule>> byEvent = new EnumMap<>(PlanEventKind.class);
		for (SeriesRule rule : rules) {
			byOccurrence.get(rule.occurrence()).add(rule);
			if (rule.occurrence() == Occurrence.PLAN_EVENT) {
				byEvent.computeIfAbsent(rule.event(), kind -> new ArrayList<>()).add(rule);
			}
		}
		byOccurrence.replaceAll((occurrence, list) -> List.copyOf(list));
		byEvent.replaceAll((kind, list) -> List.copyOf(list));
		this.rules = byOccurrence;
		this.eventSeries = byEvent;
		this.chairs = chairs;
		this.suppressions = suppressions;
	}

	/** The CIN meeting rules, in pack order. */
	List<SeriesRule> meetingRules() {
		return rules.get(Occurrence.CIN_MEETING);
	}

	/**
	 * Intervals agreed at meetings, against the limit of the rule that sets the plan's
	 * later reviews.
	 */
	void checkAgreedIntervals(PlanIndex plan, Findings out) {
		SeriesRule later = null;
		for (SeriesRule rule : meetingRules()) {
			if (rule.slots().contains(Slot.LATER) && rule.when().test(plan.plan())) {
				later = rule;
				break;
			}
		}
		Agreements.checkAgreedIntervals(later, plan, out);
	}

	/**
	 * The series of one kind of occurrence: its deadlines, its held meetings'
	 * assessments, its next meeting.
	 */
	void evaluate(Occurrence occurrence, PlanIndex plan, Findings out) {
		switch (occurrence) {
			case CIN_MEETING -> walk(occurrence, rules.get(occurrence), plan.cinSeries(), plan, out);
			case NETWORK_MEETING -> walk(occurrence, rules.get(occurrence), plan.networkSeries(), plan, out);
			case CHILD_SEEN_VISIT -> walk(occurrence, rules.get(occurrence), plan.childSeenVisits(), plan, out);
			case PLAN_EVENT -> {
				if (plan.startDate() != null) {
					for (Map.Entry<PlanEventKind, List<SeriesRule>> series : eventSeries.entrySet()) {
						walk(occurrence, series.getValue(), plan.eventsSinceStart(series.getKey()), plan, out);
					}
				}
			}
		}
	}

	private void walk(Occurrence occurrence, List<SeriesRule> rules, List<PlanIndex.Held> held, PlanIndex plan,
			Findings out) {
		if (!occurrence.isMeeting() && (rules.isEmpty() || plan.startDate() == null)) {
			return;
		}
		boolean suppressed = suppressions.suppresses(occurrence, plan.plan());
		boolean cin = occurrence == Occurrence.CIN_MEETING;
		MeetingChairs.Walk chairWalk = cin ? chairs.walk(plan) : null;
		Slot slot = Slot.FIRST;
		PlanIndex.Held previous = null;
		MeetingFact intervalSetter = null;
		int index = 0;
		while (true) {
			PlanIndex.Held filling = index < held.size() ? held.get(index) : null;
			if (filling == null && (plan.closed()
					|| (previous != null && previous.meeting() != null && previous.meeting().endsSeries()))) {
				return;
			}
			Choice choice = choose(rules, slot, previous, intervalSetter, plan, out);
			if (choice == null && slot == Slot.SECOND) {
				slot = Slot.LATER;
				choice = choose(rules, slot, previous, intervalSetter, plan, out);
			}
			if (choice == null && slot == Slot.FIRST && filling != null) {
				// No rule sets the first occurrence for this plan (DER-01 is for plans
				// after assessment), but the rules for later ones still count from it
				// (DER-02).
				assessUnruled(filling, index + 1, out);
				previous = filling;
				index++;
				slot = Slot.LATER;
				continue;
			}
			if (choice == null) {
				for (int i = index; i < held.size(); i++) {
					assessUnruled(held.get(i), i + 1, out);
				}
				return;
			}
			SeriesRule rule = choice.rule();
			DeadlineKind kind = rule.deadline() != null ? rule.deadline() : defaultKind(slot);
			int sequence = index + 1;
			if (cin) {
				DueDate byMilestone = chairWalk.dueByMilestone(choice.due(), slot, sequence, kind, filling, previous);
				if (byMilestone != null) {
					choice = new Choice(choice.rule(), byMilestone.date(), byMilestone.rule());
				}
			}
			List<ReviewFocus> focus = new ArrayList<>(0); // filled by focus rules, if any
															// apply
			ChairRequirement chair = !occurrence.isMeeting() ? null
					: chair(rule, slot, sequence, choice.due(), kind, filling, chairWalk, focus, plan);
			ChairRole responsible = rule.responsible() != null ? rule.responsible()
					: chair == null ? null : chair.role();
			if (filling != null) {
				if (choice.due() != null && !suppressed) {
					String meetingId = filling.meeting() == null ? null : filling.meeting().id();
					out.deadline(new Deadline(kind, choice.due(),
							PolicyEngine.status(choice.due(), filling.date(), plan.asOf()), filling.date(), responsible,
							choice.dueRule(), meetingId), false);
				}
				if (filling.meeting() != null) {
					MeetingFact m = filling.meeting();
					if (plan.closed() && cin) {
						// Only closure guards ask, and only of a closed plan (DER-07).
						out.heldUnder(rule.ref().id(), m.heldOn());
					}
					out.assessment(new MeetingAssessment(m.id(), m.kind(), sequence, choice.due(), chair,
							chair.isMetBy(m.chairRole(), m.chairIsCaseTeamManager()), focus));
					if (m.agreedReviewIntervalWeeks() != null && m.agreedReviewIntervalWeeks() > 0) {
						intervalSetter = m;
					}
				}
				previous = filling;
				index++;
				slot = slot == Slot.FIRST && kind == DeadlineKind.INITIAL_MEETING ? Slot.SECOND : Slot.LATER;
				continue;
			}
			if (choice.due() != null && !suppressed) {
				out.deadline(new Deadline(kind, choice.due(), PolicyEngine.status(choice.due(), null, plan.asOf()),
						null, responsible, choice.dueRule(), null), false);
				if (cin) {
					MeetingKind meetingKind = rule.meetingKind() != null ? rule.meetingKind()
							: kind == DeadlineKind.INITIAL_MEETING ? MeetingKind.PLANNING : MeetingKind.REVIEW;
					out.nextMeeting(
							new MeetingRequirement(meetingKind, kind, choice.due(), choice.dueRule(), chair, focus));
				}
			}
			return;
		}
	}

	/** The series rule's chair; for a CIN meeting, as chair rules override it. */
	private static ChairRequirement chair(SeriesRule rule, Slot slot, int sequence, LocalDate due, DeadlineKind kind,
			PlanIndex.Held filling, MeetingChairs.Walk chairWalk, List<ReviewFocus> focus, PlanIndex plan) {
		if (rule.chair() == null) {
			return MeetingChairs.UNRULED;
		}
		ChairRequirement chair = rule.chair().requirementFor(plan.plan(), rule.ref());
		if (chairWalk == null) {
			return chair;
		}
		return chairWalk.chair(chair, slot, sequence, due, kind, filling, focus);
	}

	private static void assessUnruled(PlanIndex.Held occurrence, int sequence, Findings out) {
		MeetingFact m = occurrence.meeting();
		if (m != null) {
			out.assessment(
					new MeetingAssessment(m.id(), m.kind(), sequence, null, MeetingChairs.UNRULED, true, List.of()));
		}
	}

	private static DeadlineKind defaultKind(Slot slot) {
		return switch (slot) {
			case FIRST -> DeadlineKind.INITIAL_MEETING;
			case SECOND -> DeadlineKind.FIRST_REVIEW;
			case LATER -> DeadlineKind.REVIEW;
		};
	}

	private static Choice choose(List<SeriesRule> rules, Slot slot, PlanIndex.Held previous, MeetingFact intervalSetter,
			PlanIndex plan, Findings out) {
		for (int i = 0; i < rules.size(); i++) {
			SeriesRule rule = rules.get(i);
			if (!rule.slots().contains(slot) || !rule.when().test(plan.plan())) {
				continue;
			}
			boolean fromPrevious = slot == Slot.LATER || rule.anchor() == Anchor.PREVIOUS;
			LocalDate anchor = fromPrevious ? (previous == null ? null : previous.date())
					: plan.anchorDate(rule.anchor());
			if (anchor == null) {
				return new Choice(rule, null, rule.ref());
			}
			LocalDate ruleDue = fromPrevious ? rule.due().after(anchor, previous.day(), plan.calendar())
					: rule.due().after(anchor, plan.calendar());
			if (rule.onlyWhileDueWithin() != null && (plan.startDate() == null
					|| !ruleDue.isBefore(rule.onlyWhileDueWithin().after(plan.startDate(), plan.calendar())))) {
				continue;
			}
			DueDate due = Agreements.agreedDue(rule, ruleDue, anchor, previous, intervalSetter, plan, out);
			// Never due before the occurrence it follows: LAZ-02 counts from plan start,
			// which for a step-down is the step-down date and can precede a late initial
			// meeting.
			if (previous != null && due.date().isBefore(previous.date())) {
				return new Choice(rule, previous.date(), rule.ref());
			}
			return new Choice(rule, due.date(), due.rule());
		}
		return null;
	}

}
