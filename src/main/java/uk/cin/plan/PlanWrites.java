package uk.cin.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.cin.api.ApiException;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.api.Inputs;
import uk.cin.api.Refusal;
import uk.cin.api.UserError;
import uk.cin.deadline.DeadlineStore;
import uk.cin.mutation.Mutations.Written;
import uk.cin.policy.Evaluation;
import uk.cin.policy.PlanFacts;
import uk.cin.policy.PolicyEngine;
import uk.cin.policy.ValidationProblem;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.security.Access;

/**
 * Every write to a plan goes through here, inside the mutation's transaction: the policy
 * checks the plan with the new fact (only problems the change brings count, each naming
 * its rule), the rows are written, the plan's version moves on, the stored deadlines are
 * rewritten, and a change subscribers would see is recorded and announced on commit.
 */
@Component
public class PlanWrites {

	public static final String CONFLICT = "CONFLICT";

	private final PlanStates states;

	private final PlanRepository plans;

	private final PolicyEngine engine;

	private final DeadlineStore deadlines;

	private final PlanChanges changes;

	private final Clock clock;

	public PlanWrites(PlanStates states, PlanRepository plans, PolicyEngine engine, DeadlineStore deadlines,
			PlanChanges changes, Clock clock) {
		this.states = states;
		this.plans = plans;
		this.engine = engine;
		this.deadlines = deadlines;
		this.changes = changes;
		this.clock = clock;
	}

	/**
	 * The plan the input names, once the input is valid and the caller may write to it:
	 * read without a lock, so a plan the caller may not see is refused as quickly as an
	 * id that names nothing, and exactly alike.
	 */
	public Mono<CinPlan> writable(UUID planId, Inputs in) {
		if (!in.ok()) {
			return Mono.error(new Refusal(in.errors()).about(NodeType.CinPlan, planId, null));
		}
		return plans.plans(List.of(planId))
			.next()
			.switchIfEmpty(
					Mono.error(() -> Access.notFound("plan", "input", "planId").about(NodeType.CinPlan, planId, null)))
			.delayUntil(plan -> Access.write(plan, "plan", "input", "planId"));
	}

	/**
	 * A change to a plan the caller may write to: the plan is locked (writes to one plan
	 * take turns) and read afresh, and the change made; a refusal names the plan and its
	 * child for the audit log.
	 */
	public Mono<Written> change(CinPlan visible, Function<PlanState, Mono<Void>> change) {
		return lockAndLoad(visible).flatMap(change)
			.onErrorMap(Refusal.class,
					r -> r.objectId() == null ? r.about(NodeType.CinPlan, visible.id(), visible.childId()) : r)
			.thenReturn(new Written(NodeType.CinPlan, visible.id(), visible.childId()));
	}

	/**
	 * The plan a write is about, once the caller's right to write to it was checked:
	 * locked for this transaction (so writes to one plan take turns) and read afresh,
	 * never from the cache (the write may yet roll back).
	 */
	public Mono<PlanState> lockAndLoad(CinPlan writable) {
		return plans.lockForWrite(writable.id())
			.flatMap(states::load)
			.switchIfEmpty(Mono
				.error(() -> new Refusal(UserError.of(ApiException.NOT_FOUND, "no such plan", "input", "planId"))));
	}

	/**
	 * The input fields a write's policy problems are reported at. A problem with a fact
	 * of the write's own (its meeting, event or visit, or the plan itself) names that
	 * field when the input has it; anything else (a field the input does not have, or an
	 * earlier record the new fact puts in the wrong) is reported at the field that
	 * brought the change in, and its message says what it is about.
	 *
	 * @param subjectId the id the engine knows the new fact by (a meeting's, event's or
	 * visit's), or null
	 * @param names the input's fields
	 * @param fallback the input field that brings the change in (the date of what is
	 * recorded)
	 */
	public record InputFields(String subjectId, Set<String> names, String fallback) {

		public static InputFields of(String subjectId, String fallback, String... names) {
			return new InputFields(subjectId, Set.of(names), fallback);
		}

		String of(ValidationProblem problem) {
			boolean own = problem.subjectId() == null || problem.subjectId().equals(subjectId);
			return own && names.contains(problem.field()) ? problem.field() : fallback;
		}
	}

	/** Checks the plan with its new facts against the policy, then writes. */
	public Mono<Void> write(PlanState before, PlanFacts after, Mono<Void> rows, InputFields fields) {
		return write(before, before.facts(), after, rows, fields);
	}

	/** Writes a plan just opened: its deadlines are all new. */
	public Mono<Void> writeNew(PlanState opened, InputFields fields) {
		return write(opened, null, opened.facts(), Mono.empty(), fields);
	}

	private Mono<Void> write(PlanState state, PlanFacts before, PlanFacts after, Mono<Void> rows, InputFields fields) {
		List<UserError> errors = newProblems(before, after, state.pack(), fields);
		if (!errors.isEmpty()) {
			return Mono.error(new Refusal(errors));
		}
		UUID planId = state.plan().id();
		LocalDate today = LocalDate.now(clock);
		Evaluation was = before == null ? null : engine.evaluate(before, today, state.pack());
		Evaluation now = engine.evaluate(after, today, state.pack());
		// Recorded last in the transaction: subscribers hear of the change when, and only
		// if, it commits.
		Mono<Void> announce = changes.written(state.plan(), was, now);
		// The row lock taken by load() makes concurrent writers wait their turn; the
		// version check stays as a guard for a write whose plan was read without it.
		return rows.then(plans.bumpVersion(planId, state.plan().version()))
			.flatMap(moved -> moved ? deadlines.rewrite(planId, after, state.pack()).then(announce)
					: Mono.error(new Refusal(UserError.of(CONFLICT,
							"the plan was changed by someone else at the same time; reload it and try again", "input",
							"planId"))));
	}

	/**
	 * The policy's problems with {@code after} that {@code before} did not have, as
	 * userErrors.
	 */
	public List<UserError> newProblems(PlanFacts before, PlanFacts after, PolicyPack pack, InputFields fields) {
		Set<ValidationProblem> existing = before == null ? Set.of() : new HashSet<>(engine.validate(before, pack));
		List<UserError> errors = new ArrayList<>();
		for (ValidationProblem p : engine.validate(after, pack)) {
			if (!existing.contains(p)) {
				errors.add(UserError.of(p.code().name(), p.message(), "input", fields.of(p)));
			}
		}
		return errors;
	}

}
