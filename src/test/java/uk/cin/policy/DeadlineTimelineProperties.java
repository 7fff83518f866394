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
 * The stored form of a plan's deadlines (a timeline) gives, for any date, the same
 * deadlines and statuses as evaluating the plan on that date. This is what lets lists be
 * filtered in SQL as of any date.
 */
class DeadlineTimelineProperties {

	private static final PolicyPacks PACKS = PolicyPacks.builtIn();

	private static final List<String> CODES = PACKS.all().stream().map(PolicyPack::code).toList();

	private static final PolicyEngine ENGINE = new PolicyEngine();

	static LongStream seeds() {
		return LongStream.rangeClosed(1, 300);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theTimelineAgreesWithTheEngineOnAnyDate(long seed) {
		PlanGenerator generator = new PlanGenerator(seed);
		PolicyPack pack = PACKS.get(generator.authority(CODES));
		PlanFacts plan = generator.plan();
		LocalDate until = plan.referralDate().plusDays(1200);
		List<DeadlineTimeline.Entry> timeline = DeadlineTimeline.of(plan, pack, until, ENGINE);
		for (int i = 0; i < 10; i++) {
			LocalDate day = generator.asOf(plan);
			if (day.isAfter(until)) {
				continue;
			}
			List<Deadline> direct = ENGINE.evaluate(plan, day, pack).deadlines();
			assertThat(DeadlineTimeline.asOf(timeline, day)).as("seed %d, %s, day %s", seed, pack.code(), day)
				.containsExactlyInAnyOrderElementsOf(direct);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theStoredStretchesGiveTheEnginesNextReviewAndOverdueOnAnyDate(long seed) {
		PlanGenerator generator = new PlanGenerator(seed);
		PolicyPack pack = PACKS.get(generator.authority(CODES));
		PlanFacts plan = generator.plan();
		LocalDate until = plan.referralDate().plusDays(1200);
		DeadlineTimeline.Built built = DeadlineTimeline.build(plan, pack, until, ENGINE);
		for (int i = 0; i < 10; i++) {
			LocalDate day = generator.asOf(plan);
			if (day.isAfter(until) || day.isBefore(plan.referralDate())) {
				continue;
			}
			Evaluation direct = ENGINE.evaluate(plan, day, pack);
			DeadlineTimeline.ReviewStretch stretch = null;
			for (DeadlineTimeline.ReviewStretch s : built.reviews()) {
				if (s.from() == null || !s.from().isAfter(day)) {
					stretch = s;
				}
			}
			assertThat(stretch).isNotNull();
			assertThat(stretch.dueDate()).as("seed %d, %s, next review on %s", seed, pack.code(), day)
				.isEqualTo(direct.nextReviewDue());
			assertThat(stretch.chairRole()).as("seed %d, %s, chair on %s", seed, pack.code(), day)
				.isEqualTo(direct.requiredChairRole());
			boolean overdue = built.overdue()
				.stream()
				.anyMatch(o -> !o.from().isAfter(day) && (o.until() == null || o.until().isAfter(day)));
			assertThat(overdue).as("seed %d, %s, overdue on %s", seed, pack.code(), day)
				.isEqualTo(DeadlineTimeline.asOf(built.deadlines(), day).stream().anyMatch(Deadline::isOverdue));
		}
	}

}
