package uk.cin.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.cin.policy.pack.PolicyPack;

/**
 * Computes a plan's deadlines, next meeting and chair requirements from its facts, a date
 * and its authority's policy pack. No I/O: the same inputs always give the same
 * {@link Evaluation}.
 *
 * <p>
 * An evaluation indexes the plan once ({@link PlanIndex}), checks the facts no rule needs
 * ({@link PlanChecks}), then runs one evaluator per kind of rule ({@link PackEvaluators})
 * into one collector ({@link Findings}).
 */
public final class PolicyEngine {

	/**
	 * Dates the engine computes with; anything outside is refused as bad input rather
	 * than overflowing.
	 */
	public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

	public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

	/**
	 * Each pack's rules sorted out to their evaluators once; packs are immutable and live
	 * as long as the service.
	 */
	private final Map<PolicyPack, PackEvaluators> evaluators = new ConcurrentHashMap<>();

	/**
	 * Judges the plan as it stood at the end of {@code asOf}: facts dated after it are
	 * ignored.
	 */
	public Evaluation evaluate(PlanFacts plan, LocalDate asOf, PolicyPack pack) {
		Findings findings = new Findings();
		if (!PlanChecks.datesInRange(plan, asOf, findings)) {
			return findings.refusal(asOf);
		}
		// The plan exists from its referral, even where its trigger came first (§9):
		// deadlines the trigger set are judged from the referral on.
		if (asOf.isBefore(plan.referralDate())) {
			findings.problem(ValidationCode.AS_OF_BEFORE_PLAN, RuleRef.COMMON, null, "asOf",
					"asOf " + asOf + " is before the plan existed (referral " + plan.referralDate() + ")");
			return findings.refusal(asOf);
		}
		PlanIndex index = new PlanIndex(plan, asOf, pack.calendar());
		PlanChecks.datesInOrder(index, findings);
		evaluatorsOf(pack).evaluate(index, findings);
		return findings.evaluation(index);
	}

	/** Every problem with the plan's facts, judged as of the latest date they mention. */
	public List<ValidationProblem> validate(PlanFacts plan, PolicyPack pack) {
		return evaluate(plan, latestDate(plan), pack).problems();
	}

	private PackEvaluators evaluatorsOf(PolicyPack pack) {
		PackEvaluators known = evaluators.get(pack);
		return known != null ? known : evaluators.computeIfAbsent(pack, PackEvaluators::of);
	}

	static LocalDate latestDate(PlanFacts plan) {
		LocalDate latest = max(plan.referralDate(), plan.triggerDate());
		latest = max(latest, plan.allocatedOn());
		latest = max(latest, plan.closedOn());
		for (MeetingFact m : plan.meetings()) {
			latest = max(latest, m.heldOn());
		}
		for (PlanEventFact e : plan.events()) {
			latest = max(latest, e.occurredOn());
		}
		for (VisitFact v : plan.visits()) {
			latest = max(latest, v.visitedOn());
		}
		return latest;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return b == null || (a != null && !b.isAfter(a)) ? a : b;
	}

	static DeadlineStatus status(LocalDate due, LocalDate metOn, LocalDate asOf) {
		if (metOn != null) {
			return metOn.isAfter(due) ? DeadlineStatus.MET_LATE : DeadlineStatus.MET;
		}
		return asOf.isAfter(due) ? DeadlineStatus.OVERDUE : DeadlineStatus.PENDING;
	}

}
