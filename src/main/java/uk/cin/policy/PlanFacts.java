package uk.cin.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the engine knows about one child's plan. Immutable; lists may be in any
 * order.
 *
 * @param triggerDate the date the first-meeting clock starts (docs/policy-rules.md §8)
 * @param allocatedOn case allocation date (DER-01); null when unknown
 * @param childDisabled the child is disabled (LAZ-04, CL8-06)
 * @param visitFrequencyWorkingDays the plan's own visit frequency where shorter than the
 * authority's (LAZ-05)
 * @param closedOn the date the plan closed; null while open
 */
public record PlanFacts(PlanStartReason startReason, LocalDate referralDate, LocalDate triggerDate,
		LocalDate allocatedOn, Set<PlanFlag> flags, boolean childDisabled, Integer visitFrequencyWorkingDays,
		LocalDate closedOn, List<MeetingFact> meetings, List<PlanEventFact> events, List<VisitFact> visits) {

	public PlanFacts {
		Objects.requireNonNull(startReason, "startReason");
		Objects.requireNonNull(referralDate, "referralDate");
		Objects.requireNonNull(triggerDate, "triggerDate");
		flags = Collections
			.unmodifiableSet(flags == null || flags.isEmpty() ? EnumSet.noneOf(PlanFlag.class) : EnumSet.copyOf(flags));
		meetings = meetings == null ? List.of() : List.copyOf(meetings);
		events = events == null ? List.of() : List.copyOf(events);
		visits = visits == null ? List.of() : List.copyOf(visits);
	}

	/** A newly opened plan: no meetings, events or visits yet. */
	public static PlanFacts opened(PlanStartReason reason, LocalDate referralDate, LocalDate triggerDate) {
		return new PlanFacts(reason, referralDate, triggerDate, null, Set.of(), false, null, null, List.of(), List.of(),
				List.of());
	}

	public boolean has(PlanFlag flag) {
		return flags.contains(flag);
	}

	public PlanFacts withAllocatedOn(LocalDate date) {
		return new PlanFacts(startReason, referralDate, triggerDate, date, flags, childDisabled,
				visitFrequencyWorkingDays, closedOn, meetings, events, visits);
	}

	public PlanFacts withFlags(Set<PlanFlag> newFlags) {
		return new PlanFacts(startReason, referralDate, triggerDate, allocatedOn, newFlags, childDisabled,
				visitFrequencyWorkingDays, closedOn, meetings, events, visits);
	}

	public PlanFacts withChildDisabled(boolean disabled) {
		return new PlanFacts(startReason, referralDate, triggerDate, allocatedOn, flags, disabled,
				visitFrequencyWorkingDays, closedOn, meetings, events, visits);
	}

	public PlanFacts withVisitFrequency(Integer workingDays) {
		return new PlanFacts(startReason, referralDate, triggerDate, allocatedOn, flags, childDisabled, workingDays,
				closedOn, meetings, events, visits);
	}

	public PlanFacts withClosedOn(LocalDate date) {
		return new PlanFacts(startReason, referralDate, triggerDate, allocatedOn, flags, childDisabled,
				visitFrequencyWorkingDays, date, meetings, events, visits);
	}

	public PlanFacts withMeeting(MeetingFact meeting) {
		return new PlanFacts(startReason, referralDate, triggerDate, allocatedOn, flags, childDisabled,
				visitFrequencyWorkingDays, closedOn, append(meetings, meeting), events, visits);
	}

	public PlanFacts withEvent(PlanEventFact event) {
		return new PlanFacts(startReason, referralDate, triggerDate, allocatedOn, flags, childDisabled,
				visitFrequencyWorkingDays, closedOn, meetings, append(events, event), visits);
	}

	public PlanFacts withVisit(VisitFact visit) {
		return new PlanFacts(startReason, referralDate, triggerDate, allocatedOn, flags, childDisabled,
				visitFrequencyWorkingDays, closedOn, meetings, events, append(visits, visit));
	}

	private static <T> List<T> append(List<T> list, T item) {
		var copy = new ArrayList<T>(list.size() + 1);
		copy.addAll(list);
		copy.add(item);
		return copy;
	}
}
