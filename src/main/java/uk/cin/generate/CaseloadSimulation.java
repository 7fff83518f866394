package uk.cin.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import uk.cin.family.Child;
import uk.cin.family.Family;
import uk.cin.meeting.Attendee;
import uk.cin.meeting.Meeting;
import uk.cin.plan.CinPlan;
import uk.cin.plan.PlanEvent;
import uk.cin.plan.PlanState;
import uk.cin.plan.Visit;
import uk.cin.policy.ChairRole;
import uk.cin.policy.Deadline;
import uk.cin.policy.DeadlineKind;
import uk.cin.policy.DeadlineTimeline;
import uk.cin.policy.Evaluation;
import uk.cin.policy.MeetingAssessment;
import uk.cin.policy.MeetingKind;
import uk.cin.policy.PlanEventKind;
import uk.cin.policy.PlanStartReason;
import uk.cin.policy.PolicyEngine;
import uk.cin.policy.ReviewOutcome;
import uk.cin.policy.pack.BeforeMeetingRule;
import uk.cin.policy.pack.DeadlineRule;
import uk.cin.policy.pack.MetBy;
import uk.cin.policy.pack.MilestoneRule;
import uk.cin.policy.pack.Occurrence;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.policy.pack.SeriesRule;

/**
 * Made-up families whose plans were kept the way each authority's policy asks: every
 * meeting is held around the date the engine gives for it, chaired by the role it
 * requires; some are held late, and some open plans stopped being kept up weeks or months
 * ago, so a realistic share is overdue today. Plain Java, deterministic for a seed.
 */
public final class CaseloadSimulation {

	/** How far back the caseload reaches. */
	static final int YEARS_BACK = 3;

	/** Repeating deadlines are stored this far ahead, as the service stores them. */
	static final int YEARS_AHEAD = 2;

	static final double SHARE_OPEN = 0.75;
	static final double SHARE_WITH_EARLIER_PLAN = 0.2;
	static final double SHARE_DRIFTING = 0.15;
	static final double SHARE_HELD_LATE = 0.10;
	static final double SHARE_DONE_LATE = 0.05;

	private static final int MAX_STEPS = 400;

	public record GeneratedPlan(CinPlan plan, List<Meeting> meetings, List<Attendee> attendees, List<PlanEvent> events,
			List<Visit> visits, List<DeadlineTimeline.Entry> deadlines, List<DeadlineTimeline.ReviewStretch> reviews,
			List<DeadlineTimeline.OverdueSpell> overdue) {
	}

	public record GeneratedFamily(Family family, List<Child> children, List<GeneratedPlan> plans) {
	}

	private static final String[] SURNAMES = { "Ashby", "Brook", "Carter", "Dale", "Ellis", "Foster", "Grant", "Hale",
			"Irwin", "Jones", "Khan", "Lowe", "Moss", "Nash", "Owen", "Patel", "Quinn", "Reid", "Shah", "Turner",
			"Usher", "Vance", "Walsh", "Young", "Zhou", "Begum", "Nowak", "Okafor", "Murphy", "Ali" };

	private static final String[] GIVEN_NAMES = { "Alex", "Sam", "Charlie", "Dana", "Eden", "Finley", "Grace", "Harley",
			"Isla", "Jamie", "Kai", "Leah", "Mason", "Noah", "Olivia", "Priya", "Riley", "Sofia", "Theo", "Zara",
			"Amir", "Maya", "Leo", "Ruby", "Ibrahim", "Ava", "Oscar", "Freya", "Yusuf", "Ella" };

	private static final String[] ATTENDEE_ROLES = { "Parent", "School", "Health visitor", "GP", "Youth worker",
			"School nurse", "Family support worker", "Housing officer" };

	private final PolicyEngine engine;

	private final LocalDate today;

	private final Map<String, Map<String, PlanEventKind>> metBy = new ConcurrentHashMap<>();

	public CaseloadSimulation(PolicyEngine engine, LocalDate today) {
		this.engine = engine;
		this.today = today;
	}

	/** One family of the authority's team; the same seed gives the same family. */
	public GeneratedFamily family(PolicyPack pack, String team, long seed) {
		Random random = new Random(seed);
		String surname = pick(random, SURNAMES);
		Family family = new Family(uuid(random), pack.code(), team, surname + " family");
		int size = children(random);
		List<Child> children = new ArrayList<>(size);
		List<GeneratedPlan> plans = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			LocalDate born = today.minusDays(random.nextInt(17 * 365) + 200);
			Child child = new Child(uuid(random), family.id(), pack.code(), team, pick(random, GIVEN_NAMES), surname,
					born, random.nextDouble() < 0.08);
			children.add(child);
			plans.addAll(plansOf(random, pack, child));
		}
		return new GeneratedFamily(family, children, plans);
	}

	private List<GeneratedPlan> plansOf(Random random, PolicyPack pack, Child child) {
		// No plan before the child was born (pre-birth plans are left out).
		LocalDate earliest = max(today.minusYears(YEARS_BACK), child.dateOfBirth().plusDays(14));
		List<GeneratedPlan> plans = new ArrayList<>(2);
		LocalDate trigger;
		LocalDate closeBy;
		if (random.nextDouble() < SHARE_OPEN) {
			trigger = max(earliest, today.minusDays(3 + random.nextInt(730)));
			closeBy = null;
		}
		else {
			trigger = earliest
				.plusDays(random.nextInt((int) Math.max(1, today.toEpochDay() - earliest.toEpochDay() - 200)));
			closeBy = min(trigger.plusDays(180 + random.nextInt(365)), today.minusDays(1));
		}
		// Some children had a plan before, closed some months before this one began.
		LocalDate earlierTrigger = trigger.minusDays(240 + random.nextInt(300));
		if (random.nextDouble() < SHARE_WITH_EARLIER_PLAN && earlierTrigger.isAfter(earliest)) {
			LocalDate earlierClose = earlierTrigger.plusDays(
					150 + random.nextInt((int) Math.max(1, trigger.toEpochDay() - earlierTrigger.toEpochDay() - 200)));
			plans.add(plan(random, pack, child, earlierTrigger, min(earlierClose, trigger.minusDays(30))));
		}
		plans.add(plan(random, pack, child, trigger, closeBy));
		return plans;
	}

	private GeneratedPlan plan(Random random, PolicyPack pack, Child child, LocalDate trigger, LocalDate closeBy) {
		PlanStartReason reason = startReason(random);
		// A family moving in may be referred to the new authority before or after it
		// becomes resident (the trigger), and docs/policy-rules.md lets such a trigger
		// precede the referral ("Trigger before referral"). Other plans start after it.
		LocalDate referral = reason == PlanStartReason.STEP_DOWN_FROM_CHILD_PROTECTION
				? trigger.minusDays(60 + random.nextInt(240))
				: reason == PlanStartReason.TRANSFER_IN
						? min(trigger.plusDays(random.nextInt(21) - 10), today.minusDays(1))
						: trigger.minusDays(random.nextInt(21));
		referral = max(referral, child.dateOfBirth());
		// The plan is kept from the later of the two: nothing happens on it before its
		// referral.
		LocalDate begins = max(referral, trigger);
		LocalDate allocated = min(referral.plusDays(random.nextInt(6)), begins);
		UUID planId = uuid(random);
		// Drifting plans stopped being kept up some time ago: what fell due since is
		// overdue today.
		LocalDate keptUntil = closeBy == null && random.nextDouble() < SHARE_DRIFTING
				? today.minusDays(10 + random.nextInt(140)) : today;
		CinPlan open = new CinPlan(planId, child.id(), pack.code(), child.team(), child.disabled(),
				CinPlan.PlanStatus.OPEN, reason, referral, trigger, allocated, Set.of(), null, null, null, 0);

		List<Meeting> meetings = new ArrayList<>();
		List<Attendee> attendees = new ArrayList<>();
		List<PlanEvent> events = new ArrayList<>();
		List<Visit> visits = new ArrayList<>();
		Set<String> tried = new HashSet<>();
		LocalDate closedOn = null;
		LocalDate cursor = begins;
		LocalDate stop = min(keptUntil, today);
		// Each step does what the policy asks next, around the day it falls due: the
		// earliest open deadline.
		for (int step = 0; step < MAX_STEPS; step++) {
			Evaluation now = engine.evaluate(new PlanState(open, meetings, events, visits, pack).facts(), cursor, pack);
			Deadline next = now.openDeadlines()
				.stream()
				.filter(d -> d.kind() != DeadlineKind.CASE_CLOSURE && !tried.contains(key(d)))
				.min(Comparator.comparing(Deadline::dueDate))
				.orElse(null);
			if (next == null) {
				break;
			}
			// Whatever is done for a deadline is done once: one the step did not meet
			// stays open, as in life.
			tried.add(key(next));
			boolean meeting = next.kind().isCinMeeting() || next.kind() == DeadlineKind.NETWORK_MEETING;
			// Meetings follow one another; other things may be dated before the day
			// reached (invitations, say, went out before the review that the step just
			// held), but not before the referral.
			LocalDate done = random.nextDouble() < (meeting ? SHARE_HELD_LATE : SHARE_DONE_LATE)
					? next.dueDate().plusDays(1 + random.nextInt(21))
					: next.dueDate().minusDays(random.nextInt(meeting ? 11 : 4));
			done = max(done, meeting ? cursor : referral);
			if (closeBy != null && !meetings.isEmpty() && !done.isBefore(closeBy)) {
				// The plan ends at a final review that says so (a plan closes after its
				// first meeting, never at it).
				LocalDate held = max(cursor, closeBy);
				Meeting last = meeting(random, planId, MeetingKind.REVIEW, held, now.requiredChairRole(), true);
				add(random, chaired(last, open, meetings, events, visits, pack), meetings, attendees);
				closedOn = max(held, min(held.plusDays(random.nextInt(8)), today.minusDays(1)));
				break;
			}
			if (done.isAfter(stop)) {
				if (next.dueDate().isAfter(stop)) {
					break;
				}
				continue;
			}
			cursor = max(cursor, done);
			if (next.kind().isCinMeeting()) {
				MeetingKind kind = meetings.stream().noneMatch(m -> m.kind() != MeetingKind.NETWORK)
						? firstMeetingKind(pack) : MeetingKind.REVIEW;
				Meeting held = meeting(random, planId, kind, done, now.requiredChairRole(), false);
				add(random, chaired(held, open, meetings, events, visits, pack), meetings, attendees);
			}
			else if (next.kind() == DeadlineKind.NETWORK_MEETING) {
				add(random, meeting(random, planId, MeetingKind.NETWORK, done, ChairRole.SOCIAL_WORKER, false),
						meetings, attendees);
			}
			else if (next.kind() == DeadlineKind.FIRST_HOME_VISIT || next.kind() == DeadlineKind.STATUTORY_VISIT) {
				if (random.nextDouble() < 0.05) {
					// A visit where the child was not seen: it meets nothing, and the
					// worker goes back.
					visits.add(new Visit(uuid(random), planId, max(referral, done.minusDays(2)), false, false, null));
				}
				visits.add(new Visit(uuid(random), planId, done, true, random.nextDouble() < 0.7, null));
			}
			else {
				PlanEventKind answer = metBy(pack).get(next.rule().id());
				if (answer != null) {
					events.add(new PlanEvent(uuid(random), planId, answer, done,
							next.meetingId() == null ? null : UUID.fromString(next.meetingId())));
				}
			}
		}
		CinPlan plan = closedOn == null ? open
				: new CinPlan(planId, child.id(), pack.code(), child.team(), child.disabled(),
						CinPlan.PlanStatus.CLOSED, reason, referral, trigger, allocated, Set.of(), null, closedOn,
						ReviewOutcome.CLOSE, meetings.size() + events.size() + visits.size());
		PlanState state = new PlanState(plan, meetings, events, visits, pack);
		DeadlineTimeline.Built timeline = DeadlineTimeline.build(state.facts(), pack, today.plusYears(YEARS_AHEAD),
				engine);
		return new GeneratedPlan(plan, meetings, attendees, events, visits, timeline.deadlines(), timeline.reviews(),
				timeline.overdue());
	}

	private Meeting meeting(Random random, UUID planId, MeetingKind kind, LocalDate held, ChairRole required,
			boolean closing) {
		ChairRole chair = required != null ? required : ChairRole.SOCIAL_WORKER;
		ReviewOutcome outcome = closing ? ReviewOutcome.CLOSE
				: kind == MeetingKind.REVIEW ? ReviewOutcome.CONTINUE : null;
		// The chair is not the case's own team manager: Derby's reviews ask for that
		// (DER-04).
		return new Meeting(uuid(random), planId, kind, held, chair, null, Boolean.FALSE, null, null, outcome, closing,
				null);
	}

	/**
	 * The meeting as held, chaired as the policy asks for this very meeting (a final
	 * review may differ).
	 */
	private Meeting chaired(Meeting meeting, CinPlan plan, List<Meeting> meetings, List<PlanEvent> events,
			List<Visit> visits, PolicyPack pack) {
		List<Meeting> with = new ArrayList<>(meetings);
		with.add(meeting);
		MeetingAssessment assessment = engine
			.evaluate(new PlanState(plan, with, events, visits, pack).facts(), meeting.heldOn(), pack)
			.meeting(meeting.id().toString());
		if (assessment == null || assessment.chairCompliant() || assessment.chair() == null) {
			return meeting;
		}
		return new Meeting(meeting.id(), meeting.planId(), meeting.kind(), meeting.heldOn(), assessment.chair().role(),
				null, Boolean.FALSE, null, null, meeting.outcome(), meeting.isFinal(), null);
	}

	/** Which event meets each of the pack's deadlines, by rule id. */
	private Map<String, PlanEventKind> metBy(PolicyPack pack) {
		return metBy.computeIfAbsent(pack.code(), code -> {
			Map<String, PlanEventKind> events = new HashMap<>();
			for (DeadlineRule rule : pack.deadlineRules()) {
				if (rule.metBy() != null && rule.metBy().type() == MetBy.Type.EVENT) {
					events.put(rule.ref().id(), rule.metBy().event());
				}
			}
			for (MilestoneRule rule : pack.milestoneRules()) {
				events.put(rule.ref().id(), rule.metBy());
			}
			for (BeforeMeetingRule rule : pack.beforeMeetingRules()) {
				events.put(rule.ref().id(), rule.metBy());
			}
			for (SeriesRule rule : pack.seriesRules(Occurrence.PLAN_EVENT)) {
				events.put(rule.ref().id(), rule.event());
			}
			events.values().removeIf(Objects::isNull);
			return events;
		});
	}

	private void add(Random random, Meeting meeting, List<Meeting> meetings, List<Attendee> attendees) {
		meetings.add(meeting);
		int people = 2 + random.nextInt(3);
		for (int position = 0; position < people; position++) {
			attendees.add(new Attendee(meeting.id(), position, pick(random, GIVEN_NAMES) + " " + pick(random, SURNAMES),
					pick(random, ATTENDEE_ROLES), true, random.nextDouble() < 0.85));
		}
	}

	private static String key(Deadline deadline) {
		return deadline.kind() + "|" + deadline.dueDate() + "|" + deadline.meetingId();
	}

	/**
	 * Derby's procedure has no separate planning meeting: its first CIN meeting is a
	 * review (see its pack).
	 */
	private static MeetingKind firstMeetingKind(PolicyPack pack) {
		return pack.code().equals("derby") ? MeetingKind.REVIEW : MeetingKind.PLANNING;
	}

	private static int children(Random random) {
		// 1.75 children a family on average: 35,000 children for 20,000 families.
		double roll = random.nextDouble();
		return roll < 0.50 ? 1 : roll < 0.80 ? 2 : roll < 0.95 ? 3 : 4;
	}

	private static PlanStartReason startReason(Random random) {
		double roll = random.nextDouble();
		return roll < 0.75 ? PlanStartReason.AFTER_ASSESSMENT : roll < 0.87
				? PlanStartReason.STEP_DOWN_FROM_CHILD_PROTECTION
				: roll < 0.92 ? PlanStartReason.AFTER_ICPC_NO_PLAN
						: roll < 0.95 ? PlanStartReason.RETURNED_HOME_FROM_CARE : roll < 0.98
								? PlanStartReason.TRANSFER_IN
								: roll < 0.99 ? PlanStartReason.AFTER_PROCEEDINGS : PlanStartReason.PRIVATE_FOSTERING;
	}

	private static UUID uuid(Random random) {
		// Version 4 bits set, so the ids look like every other id the service makes.
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

	private static String pick(Random random, String[] from) {
		return from[random.nextInt(from.length)];
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

}
