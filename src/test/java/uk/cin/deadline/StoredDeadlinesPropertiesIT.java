package uk.cin.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import uk.cin.family.Child;
import uk.cin.family.Family;
import uk.cin.family.FamilyRepository;
import uk.cin.plan.CinPlan;
import uk.cin.plan.PlanRepository;
import uk.cin.plan.PlanRepository.PlanQuery;
import uk.cin.policy.Evaluation;
import uk.cin.policy.MeetingFact;
import uk.cin.policy.PlanEventFact;
import uk.cin.policy.PlanFacts;
import uk.cin.policy.PlanGenerator;
import uk.cin.policy.PolicyEngine;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.policy.pack.PolicyPacks;
import uk.cin.security.AuthorityScope;

/**
 * The stored deadlines, queried by the SQL behind plans(filter:), agree with a direct
 * engine evaluation for generated plans and random dates: "overdue as of D" and "next
 * review due on or before R, as of D".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class StoredDeadlinesPropertiesIT {

	@Autowired
	DeadlineStore store;

	@Autowired
	PlanRepository plans;

	@Autowired
	FamilyRepository families;

	@Autowired
	PolicyPacks packs;

	@Autowired
	PolicyEngine engine;

	@Autowired
	Clock clock;

	@Autowired
	AuthorityScope scope;

	static LongStream seeds() {
		return LongStream.rangeClosed(1, 60);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theSqlFiltersAgreeWithTheEngine(long seed) {
		PlanGenerator generator = new PlanGenerator(seed);
		PolicyPack pack = packs.get(generator.authority(packs.all().stream().map(PolicyPack::code).toList()));
		PlanFacts facts = withUuidIds(generator.plan());
		// The plan's rows carry an authority code of its own, so that the list holds this
		// plan alone.
		String list = "property-" + seed + "-" + UUID.randomUUID();
		UUID planId = store(list, facts, pack);
		LocalDate until = LocalDate.now(clock).plusYears(2);

		for (int i = 0; i < 8; i++) {
			LocalDate day = generator.asOf(facts);
			if (day.isAfter(until)) {
				continue;
			}
			Evaluation e = engine.evaluate(facts, day, pack);
			List<CinPlan> overdue = scope
				.mono(list, plans.page(new PlanQuery(list, null, null, day, null, day, null, 10, false)))
				.block()
				.plans();
			assertThat(!overdue.isEmpty()).as("seed %d, %s, overdue as of %s", seed, pack.code(), day)
				.isEqualTo(e.isOverdue());

			LocalDate by = day.plusDays(i % 2 == 0 ? 30 : 120);
			List<CinPlan> due = scope
				.mono(list, plans.page(new PlanQuery(list, null, null, null, by, day, null, 10, false)))
				.block()
				.plans();
			boolean expected = e.nextReviewDue() != null && !e.nextReviewDue().isAfter(by);
			assertThat(!due.isEmpty())
				.as("seed %d, %s, review due by %s as of %s (engine %s)", seed, pack.code(), by, day, e.nextReviewDue())
				.isEqualTo(expected);
		}
	}

	/**
	 * Stored meetings have uuids: the generated ones are renamed, with the events that
	 * name them.
	 */
	private static PlanFacts withUuidIds(PlanFacts facts) {
		Map<String, String> ids = new HashMap<>();
		List<MeetingFact> meetings = facts.meetings().stream().map(m -> {
			String id = UUID.nameUUIDFromBytes(m.id().getBytes()).toString();
			ids.put(m.id(), id);
			return new MeetingFact(id, m.kind(), m.heldOn(), m.chairRole(), m.chairIsCaseTeamManager(),
					m.agreedReviewIntervalWeeks(), m.nextReviewDate(), m.outcome(), m.isFinal(),
					m.intervalExceptionReason());
		}).toList();
		List<PlanEventFact> events = facts.events()
			.stream()
			.map(e -> new PlanEventFact(e.id(), e.kind(), e.occurredOn(),
					e.meetingId() == null ? null : ids.get(e.meetingId())))
			.toList();
		return new PlanFacts(facts.startReason(), facts.referralDate(), facts.triggerDate(), facts.allocatedOn(),
				facts.flags(), facts.childDisabled(), facts.visitFrequencyWorkingDays(), facts.closedOn(), meetings,
				events, facts.visits());
	}

	private UUID store(String list, PlanFacts facts, PolicyPack pack) {
		// Row-level security: the rows are written (and read) in a transaction scoped to
		// the list's own authority.
		Family family = new Family(UUID.randomUUID(), list, "team-a", "Property");
		Child child = new Child(UUID.randomUUID(), family.id(), list, "team-a", "P", "Q", null, false);
		CinPlan plan = new CinPlan(UUID.randomUUID(), child.id(), list, "team-a", false, CinPlan.PlanStatus.OPEN,
				facts.startReason(), facts.referralDate(), facts.triggerDate(), null, facts.flags(), null, null, null,
				0);
		scope
			.mono(list,
					families.insert(family)
						.then(families.insert(child))
						.then(plans.insert(plan))
						.then(store.rewrite(plan.id(), facts, pack)))
			.block();
		return plan.id();
	}

}
