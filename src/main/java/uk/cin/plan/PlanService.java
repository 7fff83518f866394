package uk.cin.plan;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dataloader.DataLoader;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import uk.cin.api.ApiException;
import uk.cin.api.Batches;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.api.Inputs;
import uk.cin.api.PageInfo;
import uk.cin.api.Refusal;
import uk.cin.api.UserError;
import uk.cin.family.Child;
import uk.cin.family.FamilyService;
import uk.cin.mutation.Mutations;
import uk.cin.mutation.Mutations.Written;
import uk.cin.plan.CinPlan.PlanFlags;
import uk.cin.plan.CinPlan.PlanStatus;
import uk.cin.plan.PlanStates.EvaluatedPlan;
import uk.cin.plan.PlanStates.PlanAt;
import uk.cin.plan.PlanWrites.InputFields;
import uk.cin.policy.PlanEventKind;
import uk.cin.policy.PlanFacts;
import uk.cin.policy.PlanStartReason;
import uk.cin.policy.ReviewOutcome;
import uk.cin.policy.pack.PolicyPacks;
import uk.cin.security.Access;

/**
 * A plan's use cases: opening it, recording an event or a visit, closing it. Each first
 * checks its input and the caller's right to write to the plan (or child), before any
 * lock or load, then writes through {@link PlanWrites}.
 */
@Service
public class PlanService {

	public record OpenPlanInput(String childId, PlanStartReason startReason, LocalDate referralDate,
			LocalDate triggerDate, LocalDate allocatedOn, PlanFlags flags, Integer visitFrequencyWorkingDays,
			String clientMutationId) {
	}

	public record RecordPlanEventInput(String planId, PlanEventKind kind, LocalDate occurredOn, String meetingId,
			String clientMutationId) {
	}

	public record RecordVisitInput(String planId, LocalDate visitedOn, Boolean childSeen, Boolean seenAlone,
			String note, String clientMutationId) {
	}

	public record ClosePlanInput(String planId, LocalDate closedOn, ReviewOutcome reason, String clientMutationId) {
	}

	/** Which plans to list (PlanFilter). */
	public record PlanFilter(String authorityCode, PlanStatus status, LocalDate overdueAsOf,
			LocalDate reviewDueBefore) {
	}

	public record CinPlanEdge(String cursor, CinPlan node) {
	}

	public record CinPlanConnection(List<CinPlanEdge> edges, PageInfo pageInfo, int totalCount) {
	}

	public static final int MAX_PAGE = 500;

	/**
	 * The payload of every plan mutation: the plan, userErrors, and the clientMutationId
	 * as sent.
	 */
	public record PlanPayload(CinPlan plan, List<UserError> userErrors, String clientMutationId) {
	}

	private static final int NOTE_LENGTH = 4000;

	/** Where openPlan's policy problems are reported (see {@link InputFields}). */
	private static final InputFields OPEN_FIELDS = InputFields.of(null, "triggerDate", "referralDate", "triggerDate",
			"allocatedOn", "visitFrequencyWorkingDays");

	private final PlanRepository plans;

	private final PlanWrites writes;

	private final FamilyService families;

	private final PlanStates states;

	private final PolicyPacks packs;

	private final Mutations mutations;

	private final Clock clock;

	public PlanService(PlanRepository plans, PlanWrites writes, FamilyService families, PlanStates states,
			PolicyPacks packs, Mutations mutations, Clock clock) {
		this.plans = plans;
		this.states = states;
		this.writes = writes;
		this.families = families;
		this.packs = packs;
		this.mutations = mutations;
		this.clock = clock;
	}

	public Mono<PlanPayload> openPlan(OpenPlanInput input) {
		String cmid = input.clientMutationId();
		Mono<Child> access = Mono.defer(() -> {
			Inputs in = new Inputs(clock);
			UUID childId = in.id(input.childId(), NodeType.Child, "input", "childId");
			in.pastDate(input.referralDate(), "input", "referralDate");
			in.pastDate(input.triggerDate(), "input", "triggerDate");
			in.pastDate(input.allocatedOn(), "input", "allocatedOn");
			in.range(input.visitFrequencyWorkingDays(), 1, 260, "input", "visitFrequencyWorkingDays");
			if (!in.ok()) {
				return Mono.error(new Refusal(in.errors()).about(NodeType.Child, childId, childId));
			}
			return families.children(List.of(childId))
				.next()
				.switchIfEmpty(Mono
					.error(() -> Access.notFound("child", "input", "childId").about(NodeType.Child, childId, childId)))
				.delayUntil(child -> Access.write(child, "child", "input", "childId"));
		});
		return mutations.run("openPlan", input, access, child -> open(input, child), id -> planPayload(id, cmid),
				errors -> new PlanPayload(null, errors, cmid));
	}

	private Mono<Written> open(OpenPlanInput input, Child child) {
		String authorityCode = child.authorityCode();
		CinPlan plan = new CinPlan(UUID.randomUUID(), child.id(), authorityCode, child.team(), child.disabled(),
				PlanStatus.OPEN, input.startReason(), input.referralDate(), input.triggerDate(), input.allocatedOn(),
				input.flags() == null ? Set.of() : input.flags().toSet(), input.visitFrequencyWorkingDays(), null, null,
				0);
		PlanState state = new PlanState(plan, List.of(), List.of(), List.of(), packs.get(authorityCode));
		List<UserError> problems = writes.newProblems(null, state.facts(), state.pack(), OPEN_FIELDS);
		if (!problems.isEmpty()) {
			return Mono.error(new Refusal(problems).about(NodeType.Child, child.id(), child.id()));
		}
		return plans.hasOpenPlan(child.id())
			.flatMap(open -> open
					? Mono.error(new Refusal(UserError.of("PLAN_ALREADY_OPEN",
							"the child already has an open plan; close it first", "input", "childId"))
						.about(NodeType.Child, child.id(), child.id()))
					: plans.insert(plan).then(writes.writeNew(state, OPEN_FIELDS)))
			.thenReturn(new Written(NodeType.CinPlan, plan.id(), child.id()));
	}

	public Mono<PlanPayload> recordPlanEvent(RecordPlanEventInput input) {
		String cmid = input.clientMutationId();
		Mono<CinPlan> access = Mono.defer(() -> {
			Inputs in = new Inputs(clock);
			UUID planId = in.id(input.planId(), NodeType.CinPlan, "input", "planId");
			in.pastDate(input.occurredOn(), "input", "occurredOn");
			if (input.meetingId() != null) {
				in.id(input.meetingId(), NodeType.Meeting, "input", "meetingId");
			}
			return writes.writable(planId, in);
		});
		return mutations.run("recordPlanEvent", input, access, visible -> writes.change(visible, state -> {
			UUID meetingId = input.meetingId() == null ? null : GlobalId.require(input.meetingId(), NodeType.Meeting);
			if (meetingId != null
					&& state.meetings().stream().noneMatch(m -> m.fact().id().equals(meetingId.toString()))) {
				return Mono.error(new Refusal(
						UserError.of(ApiException.NOT_FOUND, "no such meeting on this plan", "input", "meetingId")));
			}
			PlanEvent event = new PlanEvent(UUID.randomUUID(), visible.id(), input.kind(), input.occurredOn(),
					meetingId);
			return writes.write(state, state.facts().withEvent(event.fact()), plans.insert(event),
					InputFields.of(event.fact().id(), "occurredOn", "occurredOn", "meetingId"));
		}), id -> planPayload(id, cmid), errors -> new PlanPayload(null, errors, cmid));
	}

	public Mono<PlanPayload> recordVisit(RecordVisitInput input) {
		String cmid = input.clientMutationId();
		Mono<CinPlan> access = Mono.defer(() -> {
			Inputs in = new Inputs(clock);
			UUID planId = in.id(input.planId(), NodeType.CinPlan, "input", "planId");
			in.pastDate(input.visitedOn(), "input", "visitedOn");
			in.optionalText(input.note(), NOTE_LENGTH, "input", "note");
			return writes.writable(planId, in);
		});
		return mutations.run("recordVisit", input, access, visible -> writes.change(visible, state -> {
			String note = new Inputs(clock).optionalText(input.note(), NOTE_LENGTH, "input", "note");
			Visit visit = new Visit(UUID.randomUUID(), visible.id(), input.visitedOn(),
					Boolean.TRUE.equals(input.childSeen()), Boolean.TRUE.equals(input.seenAlone()), note);
			return writes.write(state, state.facts().withVisit(visit.fact()), plans.insert(visit),
					InputFields.of(visit.fact().id(), "visitedOn", "visitedOn"));
		}), id -> planPayload(id, cmid), errors -> new PlanPayload(null, errors, cmid));
	}

	public Mono<PlanPayload> closePlan(ClosePlanInput input) {
		String cmid = input.clientMutationId();
		Mono<CinPlan> access = Mono.defer(() -> {
			Inputs in = new Inputs(clock);
			UUID planId = in.id(input.planId(), NodeType.CinPlan, "input", "planId");
			in.pastDate(input.closedOn(), "input", "closedOn");
			return writes.writable(planId, in)
				.delayUntil(plan -> Access.mayClosePlans("input", "planId")
					.onErrorMap(Refusal.class, r -> r.about(NodeType.CinPlan, plan.id(), plan.childId())));
		});
		return mutations.run("closePlan", input, access, visible -> writes.change(visible, state -> {
			if (state.plan().status() == PlanStatus.CLOSED) {
				return Mono
					.error(new Refusal(UserError.of("PLAN_CLOSED", "the plan is already closed", "input", "planId")));
			}
			PlanFacts after = state.facts().withClosedOn(input.closedOn());
			return writes.write(state, after, plans.close(visible.id(), input.closedOn(), input.reason()),
					InputFields.of(null, "closedOn", "closedOn"));
		}), id -> planPayload(id, cmid), errors -> new PlanPayload(null, errors, cmid));
	}

	// ---- reads

	/**
	 * A plan, if the caller may read it; otherwise nothing, as for an id that names
	 * nothing.
	 */
	public Mono<CinPlan> plan(UUID id) {
		return Access.readable(plans.plans(List.of(id)).next());
	}

	/**
	 * A page of the plans the caller may see: filtered, counted (when asked) and paged in
	 * SQL.
	 */
	public Mono<CinPlanConnection> page(PlanFilter filter, Integer first, String after, boolean counted) {
		int size = first == null ? 50 : first;
		if (size < 0 || size > MAX_PAGE) {
			return Mono.error(new ApiException(ApiException.INVALID, "first must be between 0 and " + MAX_PAGE));
		}
		PlanFilter f = filter == null ? new PlanFilter(null, null, null, null) : filter;
		UUID afterId;
		try {
			afterId = after == null ? null : cursorId(after);
		}
		catch (ApiException e) {
			return Mono.error(e);
		}
		return Access.caller().flatMap(caller -> {
			// Only the caller's authority and, for practitioners, their teams: another
			// authority's list is empty.
			boolean none = !caller.role().readsRecords()
					|| (f.authorityCode() != null && !f.authorityCode().equals(caller.authority()));
			return none ? Mono.just(new PlanRepository.PlanPage(List.of(), false, 0))
					: plans.page(new PlanRepository.PlanQuery(caller.authority(), caller.teamFilter(), f.status(),
							f.overdueAsOf(), f.reviewDueBefore(), LocalDate.now(clock), afterId, size, counted));
		}).map(page -> {
			List<CinPlanEdge> edges = page.plans().stream().map(p -> new CinPlanEdge(cursor(p.id()), p)).toList();
			return new CinPlanConnection(edges,
					new PageInfo(page.hasNextPage(), after != null, edges.isEmpty() ? null : edges.get(0).cursor(),
							edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
					(int) page.totalCount());
		});
	}

	private static String cursor(UUID id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("plan:" + id).getBytes(StandardCharsets.UTF_8));
	}

	private static UUID cursorId(String cursor) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (text.startsWith("plan:")) {
				return UUID.fromString(text.substring(5));
			}
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		throw new ApiException("INVALID_CURSOR", "not a cursor from this list");
	}

	public Mono<Map<CinPlan, Child>> childrenOf(List<CinPlan> list) {
		return Batches.one(list, CinPlan::childId,
				families.children(list.stream().map(CinPlan::childId).distinct().toList()), Child::id);
	}

	public Mono<Map<Child, List<CinPlan>>> plansOf(List<Child> children) {
		return Batches.many(children, Child::id, plans.plansOfChildren(children.stream().map(Child::id).toList()),
				CinPlan::childId);
	}

	public Mono<Map<Child, CinPlan>> currentPlansOf(List<Child> children) {
		return Batches.one(children, Child::id, plans.plansOfChildren(children.stream().map(Child::id).toList())
			.filter(p -> p.status() == PlanStatus.OPEN), CinPlan::childId);
	}

	/**
	 * The plan judged as of a date (today when none), through the request's batch loader.
	 */
	public Mono<EvaluatedPlan> at(CinPlan plan, LocalDate asOf, DataLoader<PlanAt, EvaluatedPlan> loader) {
		return Mono.fromFuture(loader.load(new PlanAt(plan.id(), asOf == null ? LocalDate.now(clock) : asOf)));
	}

	Mono<PlanPayload> planPayload(UUID planId, String cmid) {
		return Access.readable(plans.plans(List.of(planId)).next()).map(p -> new PlanPayload(p, List.of(), cmid));
	}

}
