package uk.cin.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.cin.generate.CaseloadSimulation.GeneratedFamily;
import uk.cin.generate.CaseloadSimulation.GeneratedPlan;
import uk.cin.meeting.Meeting;
import uk.cin.plan.CinPlan;
import uk.cin.plan.PlanState;
import uk.cin.policy.DeadlineTimeline;
import uk.cin.policy.Evaluation;
import uk.cin.policy.MeetingKind;
import uk.cin.policy.PolicyEngine;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.policy.pack.PolicyPacks;

class CaseloadSimulationTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	private static final PolicyEngine ENGINE = new PolicyEngine();

	private static final PolicyPacks PACKS = PolicyPacks.builtIn();

	private final CaseloadSimulation simulation = new CaseloadSimulation(ENGINE, TODAY);

	private List<GeneratedFamily> families(PolicyPack pack, int count) {
		List<GeneratedFamily> families = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			families.add(simulation.family(pack, GenerateCommand.team(i % 4), 1000L + i));
		}
		return families;
	}

	@Test
	void theSameSeedGivesTheSameFamily() {
		PolicyPack camden = PACKS.get("camden");
		GeneratedFamily once = simulation.family(camden, "team-a", 42);
		GeneratedFamily again = simulation.family(camden, "team-a", 42);
		assertThat(again).isEqualTo(once);
		assertThat(simulation.family(camden, "team-a", 43).family().id()).isNotEqualTo(once.family().id());
	}

	@Test
	void everyAuthorityGetsACountyShapedCaseload() {
		for (PolicyPack pack : PACKS.all()) {
			List<GeneratedFamily> families = families(pack, 1000);
			List<GeneratedPlan> plans = families.stream().flatMap(f -> f.plans().stream()).toList();
			long children = families.stream().mapToLong(f -> f.children().size()).sum();
			List<GeneratedPlan> open = plans.stream()
				.filter(p -> p.plan().status() == CinPlan.PlanStatus.OPEN)
				.toList();
			long overdue = open.stream().filter(p -> evaluate(p, pack).isOverdue()).count();
			// 20,000 families: about 35,000 children and 40,000 plans; most of them open,
			// some overdue.
			assertThat(children / 1000.0).as(pack.code() + " children a family").isBetween(1.65, 1.85);
			assertThat(plans.size() / (double) children).as(pack.code() + " plans a child").isBetween(1.05, 1.2);
			assertThat(open.size() / (double) plans.size()).as(pack.code() + " share open").isBetween(0.55, 0.8);
			assertThat(overdue / (double) open.size()).as(pack.code() + " share of open overdue").isBetween(0.1, 0.45);
			assertThat(plans.stream().mapToLong(p -> p.meetings().size()).sum() / (double) plans.size())
				.as(pack.code() + " meetings a plan")
				.isGreaterThan(2.0);
		}
	}

	@Test
	void plansRunInOrderWithinTheLastThreeYears() {
		for (PolicyPack pack : PACKS.all()) {
			int keptFromALaterReferral = 0;
			for (GeneratedFamily family : families(pack, 300)) {
				for (GeneratedPlan generated : family.plans()) {
					CinPlan plan = generated.plan();
					LocalDate born = family.children()
						.stream()
						.filter(c -> c.id().equals(plan.childId()))
						.findFirst()
						.orElseThrow()
						.dateOfBirth();
					assertThat(plan.referralDate()).isAfterOrEqualTo(born).isBefore(TODAY);
					// POLICY-RULES.md §9: only these start after their referral; a family
					// moving in may come first.
					if (plan.startReason().triggerFollowsReferral()) {
						assertThat(plan.referralDate()).isBeforeOrEqualTo(plan.triggerDate());
					}
					assertThat(plan.triggerDate()).isAfterOrEqualTo(TODAY.minusYears(3)).isBefore(TODAY);
					LocalDate last = plan.triggerDate().isAfter(plan.referralDate()) ? plan.triggerDate()
							: plan.referralDate();
					if (plan.triggerDate().isBefore(plan.referralDate()) && !generated.meetings().isEmpty()) {
						keptFromALaterReferral++;
					}
					for (Meeting meeting : generated.meetings()) {
						assertThat(meeting.heldOn()).isAfterOrEqualTo(last).isBeforeOrEqualTo(TODAY);
						last = meeting.heldOn();
					}
					assertThat(generated.visits())
						.allSatisfy(v -> assertThat(v.visitedOn()).isAfterOrEqualTo(plan.referralDate())
							.isBeforeOrEqualTo(TODAY));
					assertThat(generated.attendees())
						.allSatisfy(a -> assertThat(generated.meetings()).anyMatch(m -> m.id().equals(a.meetingId())));
					if (plan.status() == CinPlan.PlanStatus.CLOSED) {
						// Closed at a final review that said so, after its first meeting.
						Meeting finalReview = generated.meetings().get(generated.meetings().size() - 1);
						assertThat(finalReview.isFinal()).isTrue();
						assertThat(finalReview.kind()).isEqualTo(MeetingKind.REVIEW);
						assertThat(generated.meetings()).hasSizeGreaterThan(1);
						assertThat(plan.closedOn()).isAfterOrEqualTo(finalReview.heldOn()).isBefore(TODAY);
					}
				}
			}
			assertThat(keptFromALaterReferral)
				.as(pack.code() + " plans whose trigger came before the referral, " + "with meetings")
				.isPositive();
		}
	}

	@Test
	void aChildHasAtMostOneOpenPlan() {
		for (GeneratedFamily family : families(PACKS.get("derby"), 1000)) {
			for (var child : family.children()) {
				assertThat(family.plans()
					.stream()
					.filter(p -> p.plan().childId().equals(child.id()))
					.filter(p -> p.plan().status() == CinPlan.PlanStatus.OPEN)).hasSizeLessThanOrEqualTo(1);
			}
		}
	}

	@Test
	void meetingsAreChairedByTheRoleThePolicyAsksFor() {
		for (PolicyPack pack : PACKS.all()) {
			for (GeneratedFamily family : families(pack, 100)) {
				for (GeneratedPlan generated : family.plans()) {
					Evaluation evaluation = evaluate(generated, pack);
					for (Meeting meeting : generated.meetings()) {
						assertThat(evaluation.meeting(meeting.id().toString()).chairCompliant())
							.as(pack.code() + " chair of a generated meeting")
							.isTrue();
					}
				}
			}
		}
	}

	@Test
	void storedDeadlinesAreThoseThePolicyGives() {
		PolicyPack pack = PACKS.get("nottinghamshire");
		GeneratedPlan plan = families(pack, 5).get(0).plans().get(0);
		PlanState state = new PlanState(plan.plan(), plan.meetings(), plan.events(), plan.visits(), pack);
		assertThat(plan.deadlines()).isEqualTo(DeadlineTimeline.of(state.facts(), pack, TODAY.plusYears(2), ENGINE));
		assertThat(plan.deadlines()).isNotEmpty();
	}

	@Test
	void familiesAreSharedFiveFourThreeTwoOne() {
		assertThat(GenerateCommand.shares(20_000, 5)).containsExactly(6_668, 5_333, 4_000, 2_666, 1_333);
		assertThat(Arrays.stream(GenerateCommand.shares(7, 5)).sum()).isEqualTo(7);
		assertThat(GenerateCommand.shares(1, 1)).containsExactly(1);
	}

	@Test
	void teamsAreNamedLikeTheDemoTeams() {
		assertThat(GenerateCommand.team(0)).isEqualTo("team-a");
		assertThat(GenerateCommand.team(1)).isEqualTo("team-b");
		assertThat(GenerateCommand.team(25)).isEqualTo("team-z");
		assertThat(GenerateCommand.team(26)).isEqualTo("team-aa");
	}

	@Test
	void theCommandLineIsReadWithOrWithoutEquals() {
		assertThat(GenerateCommand.Request.parse(new String[] { "generate", "--families", "20000" }))
			.isEqualTo(new GenerateCommand.Request(20_000, 1));
		assertThat(GenerateCommand.Request.parse(new String[] { "generate", "--families=12", "--seed=9" }))
			.isEqualTo(new GenerateCommand.Request(12, 9));
		assertThatThrownBy(() -> GenerateCommand.Request.parse(new String[] { "generate" }))
			.hasMessageContaining("--families N");
		assertThatThrownBy(() -> GenerateCommand.Request.parse(new String[] { "generate", "--families", "lots" }))
			.hasMessageContaining("whole number");
		assertThatThrownBy(() -> GenerateCommand.Request.parse(new String[] { "generate", "--families", "0" }))
			.hasMessageContaining("1 to");
	}

	private static Evaluation evaluate(GeneratedPlan plan, PolicyPack pack) {
		return ENGINE.evaluate(new PlanState(plan.plan(), plan.meetings(), plan.events(), plan.visits(), pack).facts(),
				TODAY, pack);
	}

}
