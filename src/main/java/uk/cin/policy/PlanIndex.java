package uk.cin.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import uk.cin.policy.pack.Anchor;
import uk.cin.policy.pack.WorkingCalendar;

/**
 * A plan as it stood at the end of {@code asOf}, worked out once for every rule: the
 * meetings, events and visits dated up to then, sorted; the day each meeting was held;
 * the plan start date; which events follow and precede each meeting. Not changed once
 * made: the evaluators only read it.
 *
 * <p>
 * The lists it hands out are its own ArrayLists, not read-only views. Views would put a
 * second list type behind the evaluators' hot calls (and share the JDK's view code with
 * every other caller), which measurably slowed an evaluation; being package-private, the
 * index trusts its readers instead.
 */
final class PlanIndex {

	/**
	 * One occurrence of a series: a held meeting, or a visit at which the child was seen,
	 * or a plan event (meeting null for both). {@code day} is the date's epoch day,
	 * worked out once.
	 */
	record Held(LocalDate date, long day, MeetingFact meeting) {

		Held(LocalDate date, MeetingFact meeting) {
			this(date, date.toEpochDay(), meeting);
		}
	}

	private static final Comparator<MeetingFact> HELD_ORDER = (a, b) -> {
		int byDate = a.heldOn().compareTo(b.heldOn());
		if (byDate != 0) {
			return byDate;
		}
		return Boolean.compare(a.kind() != MeetingKind.PLANNING, b.kind() != MeetingKind.PLANNING);
	};

	/** values() copies the array on every call; the index asks for every event. */
	private static final int EVENT_KINDS = PlanEventKind.values().length;

	private final PlanFacts plan;

	private final LocalDate asOf;

	private final WorkingCalendar calendar;

	private final boolean closed;

	private final List<MeetingFact> cinMeetings;

	private final List<MeetingFact> networkMeetings;

	/**
	 * CIN meetings in the order held, then network meetings: positions index the arrays
	 * below.
	 */
	private final List<MeetingFact> heldMeetings;

	/** By meeting position, the epoch day it was held. */
	private final long[] heldDays;

	private final List<PlanEventFact> events;

	private final List<VisitFact> visits;

	/**
	 * By meeting position, the first event of each kind (by ordinal) that follows it, and
	 * that precedes it.
	 */
	private final LocalDate[][] firstAfter;

	private final LocalDate[][] firstBefore;

	private final LocalDate startDate;

	private final List<Held> cinSeries;

	private final List<Held> networkSeries;

	private final List<Held> childSeenVisits;

	PlanIndex(PlanFacts plan, LocalDate asOf, WorkingCalendar calendar) {
		this.plan = plan;
		this.asOf = asOf;
		this.calendar = calendar;
		this.closed = plan.closedOn() != null && !plan.closedOn().isAfter(asOf);
		List<MeetingFact> cin = new ArrayList<>();
		List<MeetingFact> network = new ArrayList<>();
		for (MeetingFact m : plan.meetings()) {
			if (!m.heldOn().isAfter(asOf)) {
				(m.kind() == MeetingKind.NETWORK ? network : cin).add(m);
			}
		}
		sortIfNeeded(cin, HELD_ORDER);
		sortIfNeeded(network, HELD_ORDER);
		List<MeetingFact> held = new ArrayList<>(cin.size() + network.size());
		held.addAll(cin);
		held.addAll(network);
		this.cinMeetings = cin;
		this.networkMeetings = network;
		this.heldMeetings = held;
		this.heldDays = new long[held.size()];
		for (int i = 0; i < heldDays.length; i++) {
			heldDays[i] = held.get(i).heldOn().toEpochDay();
		}
		List<PlanEventFact> dated = new ArrayList<>();
		for (PlanEventFact e : plan.events()) {
			if (!e.occurredOn().isAfter(asOf)) {
				dated.add(e);
			}
		}
		sortIfNeeded(dated, (a, b) -> a.occurredOn().compareTo(b.occurredOn()));
		this.events = dated;
		List<VisitFact> seen = new ArrayList<>();
		for (VisitFact v : plan.visits()) {
			if (!v.visitedOn().isAfter(asOf)) {
				seen.add(v);
			}
		}
		sortIfNeeded(seen, (a, b) -> a.visitedOn().compareTo(b.visitedOn()));
		this.visits = seen;
		this.firstAfter = new LocalDate[held.size()][];
		this.firstBefore = new LocalDate[held.size()][];
		attributeEvents();
		this.startDate = startDate(plan, asOf, cin);
		this.cinSeries = series(cin);
		this.networkSeries = series(network);
		this.childSeenVisits = childSeenVisits(visits, startDate);
	}

	/**
	 * Facts usually arrive in date order (the store reads them so): check before sorting.
	 */
	private static <T> void sortIfNeeded(List<T> list, Comparator<T> order) {
		for (int i = 1; i < list.size(); i++) {
			if (order.compare(list.get(i - 1), list.get(i)) > 0) {
				list.sort(order);
				return;
			}
		}
	}

	/**
	 * The first CIN meeting held; for a step-down, the trigger date once it has passed,
	 * unless a meeting came first (docs/policy-rules.md §1).
	 */
	private static LocalDate startDate(PlanFacts plan, LocalDate asOf, List<MeetingFact> cinMeetings) {
		LocalDate firstMeeting = cinMeetings.isEmpty() ? null : cinMeetings.get(0).heldOn();
		if (plan.startReason().isStepDown() && !plan.triggerDate().isAfter(asOf)) {
			return firstMeeting != null && firstMeeting.isBefore(plan.triggerDate()) ? firstMeeting
					: plan.triggerDate();
		}
		return firstMeeting;
	}

	private static List<Held> series(List<MeetingFact> meetings) {
		List<Held> result = new ArrayList<>(meetings.size());
		for (MeetingFact m : meetings) {
			result.add(new Held(m.heldOn(), m));
		}
		return result;
	}

	private static List<Held> childSeenVisits(List<VisitFact> visits, LocalDate startDate) {
		List<Held> result = new ArrayList<>();
		if (startDate == null) {
			return result;
		}
		for (VisitFact v : visits) {
			if (v.childSeen() && !v.visitedOn().isBefore(startDate)) {
				result.add(new Held(v.visitedOn(), null));
			}
		}
		return result;
	}

	/**
	 * An event follows the meeting it names, or else the latest CIN meeting held on or
	 * before its date; it precedes the meeting it names, or else the first CIN meeting
	 * held on or after its date. Only events that name a network meeting belong to it.
	 */
	private void attributeEvents() {
		long[] held = Arrays.copyOf(heldDays, cinMeetings.size());
		// Events and CIN meetings are both sorted by date: one pass over the two.
		int next = 0;
		for (PlanEventFact e : events) {
			long day = e.occurredOn().toEpochDay();
			while (next < held.length && held[next] <= day) {
				next++;
			}
			if (e.meetingId() != null) {
				int named = positionOf(e.meetingId());
				firstOf(firstAfter, named, e);
				firstOf(firstBefore, named, e);
				continue;
			}
			firstOf(firstAfter, next - 1, e);
			int precedes = next;
			// A meeting on the event's own day is both the one it follows and the one it
			// precedes.
			while (precedes > 0 && held[precedes - 1] == day) {
				precedes--;
			}
			firstOf(firstBefore, precedes < held.length ? precedes : -1, e);
		}
	}

	private int positionOf(String meetingId) {
		for (int i = 0; i < heldMeetings.size(); i++) {
			if (heldMeetings.get(i).id().equals(meetingId)) {
				return i;
			}
		}
		return -1;
	}

	private static void firstOf(LocalDate[][] index, int position, PlanEventFact e) {
		if (position < 0) {
			return;
		}
		if (index[position] == null) {
			index[position] = new LocalDate[EVENT_KINDS];
		}
		if (index[position][e.kind().ordinal()] == null) {
			index[position][e.kind().ordinal()] = e.occurredOn();
		}
	}

	PlanFacts plan() {
		return plan;
	}

	LocalDate asOf() {
		return asOf;
	}

	WorkingCalendar calendar() {
		return calendar;
	}

	/** Whether the plan was closed on or before asOf. */
	boolean closed() {
		return closed;
	}

	/** The plan start date; null until known. */
	LocalDate startDate() {
		return startDate;
	}

	/**
	 * PLANNING and REVIEW meetings in the order held (PLANNING first on the same day).
	 */
	List<MeetingFact> cinMeetings() {
		return cinMeetings;
	}

	/**
	 * CIN meetings in the order held, then network meetings; a meeting's position here
	 * indexes it below.
	 */
	List<MeetingFact> heldMeetings() {
		return heldMeetings;
	}

	/** The epoch day of the meeting at this position. */
	long heldDay(int position) {
		return heldDays[position];
	}

	/**
	 * The date of the first event of this kind that follows the meeting at this position;
	 * null if none.
	 */
	LocalDate firstEventAfter(int position, PlanEventKind kind) {
		return firstAfter[position] == null ? null : firstAfter[position][kind.ordinal()];
	}

	/**
	 * The date of the first event of this kind that precedes the meeting at this
	 * position; null if none.
	 */
	LocalDate firstEventBefore(int position, PlanEventKind kind) {
		return firstBefore[position] == null ? null : firstBefore[position][kind.ordinal()];
	}

	/** Events dated up to asOf, by date. */
	List<PlanEventFact> events() {
		return events;
	}

	/** Visits dated up to asOf, by date. */
	List<VisitFact> visits() {
		return visits;
	}

	/** The CIN meetings as a series. */
	List<Held> cinSeries() {
		return cinSeries;
	}

	List<Held> networkSeries() {
		return networkSeries;
	}

	/**
	 * Visits at which the child was seen, on or after plan start (LAZ-05); none before
	 * plan start is known.
	 */
	List<Held> childSeenVisits() {
		return childSeenVisits;
	}

	/**
	 * Events of a kind on or after plan start (CAM-13): each one done meets the deadline
	 * open then and anchors the next, which therefore exists from the moment it is done
	 * (docs/policy-rules.md §9). Plan start must be known.
	 */
	List<Held> eventsSinceStart(PlanEventKind kind) {
		List<Held> result = new ArrayList<>();
		for (PlanEventFact e : events) {
			if (e.kind() == kind && !e.occurredOn().isBefore(startDate)) {
				result.add(new Held(e.occurredOn(), null));
			}
		}
		return result;
	}

	/**
	 * The date a plan-date anchor names; null for anchors that are not plan dates, or not
	 * known yet.
	 */
	LocalDate anchorDate(Anchor anchor) {
		return switch (anchor) {
			case REFERRAL -> plan.referralDate();
			case TRIGGER -> plan.triggerDate();
			case ALLOCATION -> plan.allocatedOn();
			case PLAN_START -> startDate;
			case PREVIOUS, MEETING, EVENT -> null;
		};
	}

}
