package uk.cin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.policy.pack.PolicyPacks;

/**
 * One row of a policy table: a rule id, the edge it covers, a plan, a date, and what the
 * engine must say. Expected dates are worked out by hand from the rule text and written
 * in the row.
 */
public final class PolicyCase {

	static final PolicyPacks PACKS = PolicyPacks.builtIn();

	private static final PolicyEngine ENGINE = new PolicyEngine();

	private final String ruleId;

	private final String edge;

	private final Plan plan;

	private LocalDate asOf;

	private final List<Consumer<Evaluation>> checks = new ArrayList<>();

	private final List<String> expectations = new ArrayList<>();

	private PolicyCase(String ruleId, String edge, Plan plan) {
		this.ruleId = ruleId;
		this.edge = edge;
		this.plan = plan;
	}

	public static PolicyCase rule(String ruleId, String edge, Plan plan) {
		return new PolicyCase(ruleId, edge, plan);
	}

	public static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	public static Plan plan(PlanStartReason reason, String referral, String trigger) {
		return new Plan(PlanFacts.opened(reason, d(referral), d(trigger)));
	}

	public String ruleId() {
		return ruleId;
	}

	@Override
	public String toString() {
		return ruleId + ": " + edge;
	}

	public PolicyCase asOf(String date) {
		this.asOf = d(date);
		return this;
	}

	/** A deadline of this rule id due on this date, with this kind and status. */
	public PolicyCase expect(DeadlineKind kind, String due, DeadlineStatus status) {
		return expect(ruleId, kind, due, status);
	}

	public PolicyCase expect(String rule, DeadlineKind kind, String due, DeadlineStatus status) {
		expectations.add(rule + " " + kind + " due " + due + " " + status);
		checks.add(e -> assertThat(e.deadlines()).as("deadlines %s", e.deadlines()).anySatisfy(dl -> {
			assertThat(dl.rule().id()).isEqualTo(rule);
			assertThat(dl.kind()).isEqualTo(kind);
			assertThat(dl.dueDate()).isEqualTo(d(due));
			assertThat(dl.status()).isEqualTo(status);
		}));
		return this;
	}

	/** A met deadline, with the date it was met. */
	public PolicyCase expectMet(DeadlineKind kind, String due, DeadlineStatus status, String metOn) {
		expectations.add(ruleId + " " + kind + " due " + due + " " + status + " on " + metOn);
		checks.add(e -> assertThat(e.deadlines()).as("deadlines %s", e.deadlines()).anySatisfy(dl -> {
			assertThat(dl.rule().id()).isEqualTo(ruleId);
			assertThat(dl.kind()).isEqualTo(kind);
			assertThat(dl.dueDate()).isEqualTo(d(due));
			assertThat(dl.status()).isEqualTo(status);
			assertThat(dl.metOn()).isEqualTo(d(metOn));
		}));
		return this;
	}

	public PolicyCase responsible(ChairRole role) {
		checks.add(e -> assertThat(e.deadlines()).filteredOn(dl -> dl.rule().id().equals(ruleId))
			.isNotEmpty()
			.allSatisfy(dl -> assertThat(dl.responsibleRole()).isEqualTo(role)));
		return this;
	}

	/** No deadline of this rule at all. */
	public PolicyCase expectNone(String rule) {
		expectations.add("no " + rule);
		checks.add(e -> assertThat(e.deadlines()).as("deadlines %s", e.deadlines())
			.noneMatch(dl -> dl.rule().id().equals(rule)));
		return this;
	}

	/** How many deadlines this rule gives. */
	public PolicyCase count(String rule, int n) {
		checks.add(e -> assertThat(e.deadlines()).as("deadlines %s", e.deadlines())
			.filteredOn(dl -> dl.rule().id().equals(rule))
			.hasSize(n));
		return this;
	}

	/**
	 * The next CIN meeting: its kind, due date, the rule that sets the date, and the
	 * designated chair.
	 */
	public PolicyCase next(MeetingKind kind, String due, String dueRule, ChairRole chair) {
		expectations.add("next " + kind + " " + due + " (" + dueRule + ") chaired by " + chair);
		checks.add(e -> {
			assertThat(e.nextMeeting()).as("next meeting").isNotNull();
			assertThat(e.nextMeeting().kind()).isEqualTo(kind);
			assertThat(e.nextReviewDue()).isEqualTo(d(due));
			assertThat(e.nextMeeting().dueRule().id()).isEqualTo(dueRule);
			assertThat(e.requiredChairRole()).isEqualTo(chair);
		});
		return this;
	}

	public PolicyCase noNextMeeting() {
		checks.add(e -> {
			assertThat(e.nextMeeting()).as("next meeting").isNull();
			assertThat(e.nextReviewDue()).isNull();
			assertThat(e.requiredChairRole()).isNull();
		});
		return this;
	}

	/**
	 * The chair rule behind the next meeting's chair, its acceptable roles and
	 * constraint.
	 */
	public PolicyCase nextChair(String chairRule, List<ChairRole> acceptable, ChairConstraint constraint) {
		checks.add(e -> {
			ChairRequirement chair = e.nextMeeting().chair();
			assertThat(chair.rule().id()).isEqualTo(chairRule);
			assertThat(chair.acceptableRoles()).containsExactlyElementsOf(acceptable);
			assertThat(chair.constraint()).isEqualTo(constraint);
		});
		return this;
	}

	public PolicyCase nextFocus(String code, String focusRule) {
		checks.add(e -> assertThat(e.nextMeeting().focus()).anySatisfy(f -> {
			assertThat(f.code()).isEqualTo(code);
			assertThat(f.rule().id()).isEqualTo(focusRule);
		}));
		return this;
	}

	public PolicyCase noNextFocus() {
		checks.add(e -> assertThat(e.nextMeeting().focus()).isEmpty());
		return this;
	}

	/**
	 * A held meeting: the chair its rule required, under which rule, and whether the
	 * recorded chair complied.
	 */
	public PolicyCase chair(String meetingId, ChairRole required, String chairRule, boolean compliant) {
		expectations.add(meetingId + " chaired by " + required + " (" + chairRule + ") compliant=" + compliant);
		checks.add(e -> {
			MeetingAssessment m = e.meeting(meetingId);
			assertThat(m).as("assessment of %s in %s", meetingId, e.meetings()).isNotNull();
			assertThat(m.chair().role()).isEqualTo(required);
			assertThat(m.chair().rule().id()).isEqualTo(chairRule);
			assertThat(m.chairCompliant()).isEqualTo(compliant);
		});
		return this;
	}

	public PolicyCase sequence(String meetingId, int sequence) {
		checks.add(e -> assertThat(e.meeting(meetingId).sequence()).isEqualTo(sequence));
		return this;
	}

	public PolicyCase overdue(boolean overdue) {
		checks.add(e -> assertThat(e.isOverdue()).isEqualTo(overdue));
		return this;
	}

	public PolicyCase startDate(String date) {
		checks.add(e -> assertThat(e.startDate()).isEqualTo(date == null ? null : d(date)));
		return this;
	}

	/** A validation problem with this code, citing this rule. */
	public PolicyCase problem(ValidationCode code, String rule) {
		expectations.add("problem " + code + " citing " + rule);
		checks.add(e -> assertThat(e.problems()).as("problems").anySatisfy(p -> {
			assertThat(p.code()).isEqualTo(code);
			assertThat(p.rule().id()).isEqualTo(rule);
			assertThat(p.message()).contains(rule);
		}));
		return this;
	}

	public PolicyCase noProblems() {
		checks.add(e -> assertThat(e.problems()).as("problems").isEmpty());
		return this;
	}

	/** Evaluates the row against its authority's pack and runs every check. */
	public void verify(String authority) {
		verify(PACKS.get(authority));
	}

	public void verify(PolicyPack pack) {
		assertThat(asOf).as("row %s needs asOf", this).isNotNull();
		assertThat(checks).as("row %s checks nothing", this).isNotEmpty();
		Evaluation evaluation = ENGINE.evaluate(plan.facts, asOf, pack);
		for (Consumer<Evaluation> check : checks) {
			check.accept(evaluation);
		}
	}

	/** Builds the facts of a plan, one meeting, event or visit at a time. */
	public static final class Plan {

		private PlanFacts facts;

		private MeetingFact last;

		Plan(PlanFacts facts) {
			this.facts = facts;
		}

		public PlanFacts facts() {
			return facts;
		}

		public Plan allocated(String date) {
			facts = facts.withAllocatedOn(d(date));
			return this;
		}

		public Plan flags(PlanFlag... flags) {
			Set<PlanFlag> set = EnumSet.noneOf(PlanFlag.class);
			set.addAll(List.of(flags));
			facts = facts.withFlags(set);
			return this;
		}

		public Plan disabledChild() {
			facts = facts.withChildDisabled(true);
			return this;
		}

		public Plan visitFrequency(int workingDays) {
			facts = facts.withVisitFrequency(workingDays);
			return this;
		}

		public Plan closed(String date) {
			facts = facts.withClosedOn(d(date));
			return this;
		}

		public Plan meeting(String id, MeetingKind kind, String heldOn, ChairRole chair) {
			last = MeetingFact.of(id, kind, d(heldOn), chair);
			facts = facts.withMeeting(last);
			return this;
		}

		public Plan planning(String id, String heldOn, ChairRole chair) {
			return meeting(id, MeetingKind.PLANNING, heldOn, chair);
		}

		public Plan review(String id, String heldOn, ChairRole chair) {
			return meeting(id, MeetingKind.REVIEW, heldOn, chair);
		}

		public Plan network(String id, String heldOn) {
			return meeting(id, MeetingKind.NETWORK, heldOn, ChairRole.SOCIAL_WORKER);
		}

		/** Changes the meeting added last. */
		private Plan amend(UnaryOperator<MeetingFact> change) {
			List<MeetingFact> meetings = new ArrayList<>(facts.meetings());
			int at = meetings.indexOf(last);
			last = change.apply(last);
			meetings.set(at, last);
			facts = new PlanFacts(facts.startReason(), facts.referralDate(), facts.triggerDate(), facts.allocatedOn(),
					facts.flags(), facts.childDisabled(), facts.visitFrequencyWorkingDays(), facts.closedOn(), meetings,
					facts.events(), facts.visits());
			return this;
		}

		public Plan agreedWeeks(int weeks) {
			return amend(m -> m.withAgreedInterval(weeks));
		}

		public Plan nextReviewOn(String date) {
			return amend(m -> m.withNextReviewDate(d(date)));
		}

		public Plan outcome(ReviewOutcome outcome) {
			return amend(m -> m.withOutcome(outcome, m.isFinal()));
		}

		public Plan isFinal() {
			return amend(m -> m.withOutcome(m.outcome(), true));
		}

		public Plan exceptionReason(String reason) {
			return amend(m -> m.withExceptionReason(reason));
		}

		public Plan chairIsCaseTeamManager() {
			return amend(m -> m.withChairIsCaseTeamManager(true));
		}

		public Plan event(PlanEventKind kind, String date) {
			facts = facts.withEvent(new PlanEventFact("e" + (facts.events().size() + 1), kind, d(date), null));
			return this;
		}

		public Plan event(PlanEventKind kind, String date, String meetingId) {
			facts = facts.withEvent(new PlanEventFact("e" + (facts.events().size() + 1), kind, d(date), meetingId));
			return this;
		}

		public Plan visit(String date, boolean childSeen) {
			facts = facts.withVisit(new VisitFact("v" + (facts.visits().size() + 1), d(date), childSeen, false));
			return this;
		}

	}

}
