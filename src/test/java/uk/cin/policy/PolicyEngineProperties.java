package uk.cin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.policy.pack.PolicyPacks;

/**
 * Properties that hold for every plan, checked on generated plans of all five
 * authorities. Each seed is one plan judged on several dates; a failure names its seed,
 * which reproduces it.
 */
class PolicyEngineProperties {

	private static final PolicyPacks PACKS = PolicyPacks.builtIn();

	private static final List<String> CODES = PACKS.all().stream().map(PolicyPack::code).toList();

	private static final PolicyEngine ENGINE = new PolicyEngine();

	private static final int DATES_PER_PLAN = 8;

	static LongStream seeds() {
		return LongStream.rangeClosed(1, 400);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void deadlinesComeSortedByDueDate(long seed) {
		forEachDate(seed, (plan, asOf, e) -> {
			for (int i = 1; i < e.deadlines().size(); i++) {
				assertThat(e.deadlines().get(i).dueDate()).isAfterOrEqualTo(e.deadlines().get(i - 1).dueDate());
			}
		});
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void statusesAgreeWithAsOf(long seed) {
		forEachDate(seed, (plan, asOf, e) -> {
			for (Deadline d : e.deadlines()) {
				switch (d.status()) {
					case OVERDUE -> assertThat(d.dueDate()).as("OVERDUE %s", d).isBefore(asOf);
					case PENDING -> assertThat(d.dueDate()).as("PENDING %s", d).isAfterOrEqualTo(asOf);
					case MET -> assertThat(d.metOn()).as("MET %s", d).isBeforeOrEqualTo(d.dueDate());
					case MET_LATE -> assertThat(d.metOn()).as("MET_LATE %s", d).isAfter(d.dueDate());
				}
				if (d.metOn() != null) {
					assertThat(d.metOn()).isBeforeOrEqualTo(asOf);
				}
			}
			assertThat(e.isOverdue())
				.isEqualTo(e.deadlines().stream().anyMatch(d -> d.status() == DeadlineStatus.OVERDUE));
		});
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void judgingAtADateIgnoresEverythingAfterIt(long seed) {
		forEachDate(seed, (plan, asOf, e) -> {
			Evaluation truncated = ENGINE.evaluate(PlanGenerator.upTo(plan, asOf), asOf, pack(seed));
			assertThat(truncated.deadlines()).isEqualTo(e.deadlines());
			assertThat(truncated.nextMeeting()).isEqualTo(e.nextMeeting());
			assertThat(truncated.meetings()).isEqualTo(e.meetings());
			assertThat(truncated.startDate()).isEqualTo(e.startDate());
			assertThat(truncated.closed()).isEqualTo(e.closed());
			// Cutting the plan at asOf removes later meetings that earlier events may
			// name; nothing else differs.
			assertThat(truncated.problems().stream().filter(p -> p.code() != ValidationCode.UNKNOWN_MEETING))
				.containsExactlyElementsOf(
						e.problems().stream().filter(p -> p.code() != ValidationCode.UNKNOWN_MEETING).toList());
		});
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void nextReviewIsNeverDueBeforeTheLastMeetingHeld(long seed) {
		forEachDate(seed, (plan, asOf, e) -> {
			if (e.nextReviewDue() == null) {
				return;
			}
			plan.meetings()
				.stream()
				.filter(m -> m.kind() != MeetingKind.NETWORK && !m.heldOn().isAfter(asOf))
				.map(MeetingFact::heldOn)
				.max(LocalDate::compareTo)
				.ifPresent(last -> assertThat(e.nextReviewDue()).isAfterOrEqualTo(last));
		});
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void nextReviewDueIsTheEarliestOpenMeetingDeadline(long seed) {
		forEachDate(seed, (plan, asOf, e) -> {
			LocalDate earliest = e.deadlines()
				.stream()
				.filter(d -> d.isOpen() && d.kind().isCinMeeting())
				.map(Deadline::dueDate)
				.min(LocalDate::compareTo)
				.orElse(null);
			assertThat(e.nextReviewDue()).isEqualTo(e.closed() ? null : earliest);
			if (e.closed()) {
				assertThat(e.requiredChairRole()).isNull();
			}
		});
	}

	/**
	 * docs/policy-rules.md §9: a trigger before the referral is refused only for plans
	 * that start after an assessment or for a privately fostered child; whatever the
	 * trigger, the plan is judged from its referral on.
	 */
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aPlanIsJudgedFromItsReferralWhicheverComesFirst(long seed) {
		forEachDate(seed, (plan, asOf, e) -> {
			boolean triggerFirst = plan.triggerDate().isBefore(plan.referralDate());
			assertThat(e.problems().stream().anyMatch(p -> p.code() == ValidationCode.TRIGGER_BEFORE_REFERRAL))
				.isEqualTo(!asOf.isBefore(plan.referralDate()) && triggerFirst
						&& plan.startReason().triggerFollowsReferral());
			if (asOf.isBefore(plan.referralDate())) {
				assertThat(e.deadlines()).isEmpty();
				assertThat(e.nextMeeting()).isNull();
				assertThat(e.problems()).extracting(ValidationProblem::code).contains(ValidationCode.AS_OF_BEFORE_PLAN);
			}
		});
	}

	private interface Check {

		void accept(PlanFacts plan, LocalDate asOf, Evaluation evaluation);

	}

	private static PolicyPack pack(long seed) {
		return PACKS.get(new PlanGenerator(seed).authority(CODES));
	}

	private static void forEachDate(long seed, Check check) {
		PlanGenerator generator = new PlanGenerator(seed);
		PolicyPack pack = PACKS.get(generator.authority(CODES));
		PlanFacts plan = generator.plan();
		for (int i = 0; i < DATES_PER_PLAN; i++) {
			LocalDate asOf = generator.asOf(plan);
			Evaluation evaluation = ENGINE.evaluate(plan, asOf, pack);
			try {
				check.accept(plan, asOf, evaluation);
			}
			catch (AssertionError failure) {
				throw new AssertionError("seed " + seed + ", " + pack.code() + ", asOf " + asOf + ", plan " + plan
						+ ": " + failure.getMessage(), failure);
			}
		}
	}

}
