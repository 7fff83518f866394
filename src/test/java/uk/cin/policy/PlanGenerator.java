package uk.cin.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random but reproducible plans for property tests: a seed always gives the same plan.
 * Plans mix valid and invalid input (intervals over limits, events naming other meetings)
 * on purpose.
 */
public final class PlanGenerator {

	static final LocalDate EPOCH = LocalDate.of(2025, 1, 1);

	private final Random random;

	public PlanGenerator(long seed) {
		this.random = new Random(seed);
	}

	public String authority(List<String> codes) {
		return codes.get(random.nextInt(codes.size()));
	}

	public PlanFacts plan() {
		PlanStartReason reason = pick(PlanStartReason.values());
		LocalDate referral = EPOCH.plusDays(random.nextInt(700));
		// docs/policy-rules.md §9: a trigger that is an outside event (a conference, a
		// discharge from care, a family becoming resident) may come before the referral;
		// an assessment or a private fostering visit may not.
		LocalDate trigger = !reason.triggerFollowsReferral() && chance(0.3) ? referral.minusDays(1 + random.nextInt(60))
				: referral.plusDays(random.nextInt(60));
		LocalDate allocated = chance(0.5) ? referral.plusDays(random.nextInt(20)) : null;
		Set<PlanFlag> flags = EnumSet.noneOf(PlanFlag.class);
		for (PlanFlag flag : PlanFlag.values()) {
			if (chance(0.1)) {
				flags.add(flag);
			}
		}
		Integer visitFrequency = chance(0.1) ? 5 + random.nextInt(20) : null;

		List<MeetingFact> meetings = new ArrayList<>();
		int count = random.nextInt(13);
		LocalDate held = (trigger.isAfter(referral) ? trigger : referral).plusDays(random.nextInt(30));
		for (int i = 0; i < count; i++) {
			MeetingKind kind = i == 0 ? (chance(0.7) ? MeetingKind.PLANNING : MeetingKind.REVIEW)
					: chance(0.8) ? MeetingKind.REVIEW : MeetingKind.NETWORK;
			Integer weeks = chance(0.15) ? 1 + random.nextInt(14) : null;
			LocalDate next = chance(0.15) ? held.plusDays(1 + random.nextInt(120)) : null;
			ReviewOutcome outcome = chance(0.2) ? pick(ReviewOutcome.values()) : null;
			boolean last = i == count - 1;
			meetings
				.add(new MeetingFact("m" + i, kind, held, pick(ChairRole.values()), chance(0.1) ? Boolean.TRUE : null,
						weeks, next, outcome, last && chance(0.15), chance(0.1) ? "stable placement" : null));
			held = held.plusDays(7 + random.nextInt(114));
		}

		List<PlanEventFact> events = new ArrayList<>();
		int eventCount = random.nextInt(31);
		for (int i = 0; i < eventCount; i++) {
			String meetingId = !meetings.isEmpty() && chance(0.3) ? meetings.get(random.nextInt(meetings.size())).id()
					: null;
			events.add(new PlanEventFact("e" + i, pick(PlanEventKind.values()), referral.plusDays(random.nextInt(900)),
					meetingId));
		}
		List<VisitFact> visits = new ArrayList<>();
		int visitCount = random.nextInt(21);
		for (int i = 0; i < visitCount; i++) {
			visits.add(new VisitFact("v" + i, referral.plusDays(random.nextInt(900)), chance(0.8), chance(0.5)));
		}
		LocalDate closed = chance(0.25) ? held.plusDays(random.nextInt(60)) : null;
		return new PlanFacts(reason, referral, trigger, allocated, flags, chance(0.2), visitFrequency, closed, meetings,
				events, visits);
	}

	/**
	 * A date from shortly before the referral (or a trigger before it) to three years
	 * after it.
	 */
	public LocalDate asOf(PlanFacts plan) {
		LocalDate first = plan.triggerDate().isBefore(plan.referralDate()) ? plan.triggerDate() : plan.referralDate();
		return first.minusDays(10).plusDays(random.nextInt(1100));
	}

	/** The plan as it stood at the end of a day: only what is dated on or before it. */
	public static PlanFacts upTo(PlanFacts plan, LocalDate day) {
		return new PlanFacts(plan.startReason(), plan.referralDate(), plan.triggerDate(), plan.allocatedOn(),
				plan.flags(), plan.childDisabled(), plan.visitFrequencyWorkingDays(),
				plan.closedOn() != null && !plan.closedOn().isAfter(day) ? plan.closedOn() : null,
				plan.meetings().stream().filter(m -> !m.heldOn().isAfter(day)).toList(),
				plan.events().stream().filter(e -> !e.occurredOn().isAfter(day)).toList(),
				plan.visits().stream().filter(v -> !v.visitedOn().isAfter(day)).toList());
	}

	private boolean chance(double p) {
		return random.nextDouble() < p;
	}

	private <T> T pick(T[] values) {
		return values[random.nextInt(values.length)];
	}

}
