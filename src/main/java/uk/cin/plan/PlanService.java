package uk.cin.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
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
import uk.cin.plan.PlanRepository.DeadlineDue;
import uk.cin.plan.PlanRepository.Keyset;
import uk.cin.plan.PlanRepository.OrderField;
import uk.cin.plan.PlanRepository.PlanCriteria;
import uk.cin.plan.PlanRepository.PlanQuery;
import uk.cin.plan.PlanStates.EvaluatedPlan;
import uk.cin.plan.PlanStates.PlanAt;
import uk.cin.plan.PlanWrites.InputFields;
import uk.cin.policy.ChairRole;
import uk.cin.policy.DeadlineKind;
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
	public record PlanFilter(@Nullable String authorityCode, @Nullable PlanStatus status,
			@Nullable LocalDate overdueAsOf, @Nullable LocalDate reviewDueBefore, @Nullable LocalDate reviewDueFrom,
			@Nullable List<String> teams, @Nullable List<ChairRole> requiredChairRoles,
			@Nullable DeadlineDueFilter deadlineDue, @Nullable String childId, @Nullable Boolean childDisabled) {
	}

	/** An open deadline of a kind, due in a window (DeadlineDueFilter). */
	public record DeadlineDueFilter(DeadlineKind kind, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable Boolean overdue) {
	}

	/** The order of a list of plans (PlanOrder). */
	public record PlanOrder(OrderField field, @Nullable OrderDirection direction) {
	}

	public enum OrderDirection {

		ASC, DESC

	}

	/** What plans(...) was asked, as sent. */
	public record PlanList(@Nullable PlanFilter filter, @Nullable Integer first, @Nullable String after,
			@Nullable Integer last, @Nullable String before, @Nullable PlanOrder orderBy, @Nullable LocalDate asOf) {
	}

	/** caseloadSummary(asOf, groupBy, filter) as sent. */
	public record SummaryQuestion(@Nullable LocalDate asOf, @Nullable List<CaseloadGrouping> groupBy,
			@Nullable PlanFilter filter) {
	}

	public enum CaseloadGrouping {

		TEAM, CHAIR_ROLE, DEADLINE_KIND, AUTHORITY

	}

	public record CaseloadCounts(long openPlans, long overduePlans, long reviewsDueIn7Days, long reviewsDueIn28Days) {
	}

	public record CaseloadGroup(@Nullable String team, @Nullable ChairRole chairRole,
			@Nullable DeadlineKind deadlineKind, @Nullable String authorityCode, CaseloadCounts counts) {
	}

	public record CaseloadSummary(LocalDate asOf, List<CaseloadGroup> groups) {
	}

	public record CinPlanEdge(String cursor, CinPlan node) {
	}

	public record CinPlanConnection(List<CinPlanEdge> edges, PageInfo pageInfo, int totalCount) {

		List<CinPlan> plans() {
			return edges.stream().map(CinPlanEdge::node).toList();
		}
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
	 * A page of the plans the caller may see: filtered, ordered, counted (when asked) and
	 * paged in SQL, as of the list's day.
	 */
	public Mono<CinPlanConnection> page(PlanList list, boolean counted) {
		boolean backward = list.last() != null || list.before() != null;
		// first has a default, so only after says a client pages forwards.
		if (backward && list.after() != null) {
			return Mono.error(new ApiException(ApiException.INVALID,
					"page forwards (after) or backwards (last, before), not both"));
		}
		int size = backward ? (list.last() == null ? 50 : list.last()) : (list.first() == null ? 50 : list.first());
		if (size < 0 || size > MAX_PAGE) {
			return Mono.error(new ApiException(ApiException.INVALID,
					(backward ? "last" : "first") + " must be between 0 and " + MAX_PAGE));
		}
		PlanFilter f = list.filter() == null ? NO_FILTER : list.filter();
		OrderField order = list.orderBy() == null ? OrderField.ID : list.orderBy().field();
		boolean descending = list.orderBy() != null && list.orderBy().direction() == OrderDirection.DESC;
		LocalDate asOf = list.asOf() == null ? LocalDate.now(clock) : list.asOf();
		Keyset keyset;
		PlanCriteria criteria;
		try {
			String cursor = backward ? list.before() : list.after();
			keyset = cursor == null ? null : PlanCursor.read(cursor, order);
			criteria = criteria(f);
		}
		catch (ApiException e) {
			return Mono.error(e);
		}
		return Access.caller().flatMap(caller -> {
			if (order == OrderField.CHILD_NAME && !caller.role().seesPersonalDetails()) {
				return Mono.error(namesNotVisible());
			}
			// Only the caller's authority and, for practitioners, their teams: another
			// authority's list is empty.
			boolean none = !caller.role().readsRecords()
					|| (f.authorityCode() != null && !f.authorityCode().equals(caller.authority()));
			return none ? Mono.just(new PlanRepository.PlanPage(List.of(), List.of(), false, 0))
					: plans.page(new PlanQuery(caller.authority(), caller.teamFilter(), criteria, asOf,
							!asOf.isBefore(LocalDate.now(clock)), order, descending, keyset, backward, size, counted));
		}).map(page -> {
			List<CinPlanEdge> edges = new ArrayList<>();
			for (int i = 0; i < page.plans().size(); i++) {
				CinPlan plan = page.plans().get(i);
				edges.add(new CinPlanEdge(PlanCursor.of(order, page.keys().get(i), plan.id()), plan));
			}
			boolean hasNext = backward ? list.before() != null : page.hasMore();
			boolean hasPrevious = backward ? page.hasMore() : list.after() != null;
			return new CinPlanConnection(edges,
					new PageInfo(hasNext, hasPrevious, edges.isEmpty() ? null : edges.get(0).cursor(),
							edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
					(int) page.totalCount());
		});
	}

	/** Counts over the caller's caseload as of a day, in one statement. */
	public Mono<CaseloadSummary> summary(SummaryQuestion question) {
		LocalDate asOf = question.asOf() == null ? LocalDate.now(clock) : question.asOf();
		List<CaseloadGrouping> by = question.groupBy() == null ? List.of() : question.groupBy();
		PlanFilter f = question.filter() == null ? NO_FILTER : question.filter();
		PlanCriteria criteria;
		try {
			criteria = criteria(f);
		}
		catch (ApiException e) {
			return Mono.error(e);
		}
		return Access.caller().flatMap(caller -> {
			boolean none = !caller.role().readsRecords()
					|| (f.authorityCode() != null && !f.authorityCode().equals(caller.authority()));
			if (none) {
				return Mono.just(new CaseloadSummary(asOf, List.of()));
			}
			return plans
				.summary(caller.authority(), caller.teamFilter(), criteria, asOf, by.contains(CaseloadGrouping.TEAM),
						by.contains(CaseloadGrouping.CHAIR_ROLE), by.contains(CaseloadGrouping.DEADLINE_KIND),
						by.contains(CaseloadGrouping.AUTHORITY))
				.map(row -> new CaseloadGroup(row.team(),
						row.chairRole() == null ? null : ChairRole.valueOf(row.chairRole()),
						row.deadlineKind() == null ? null : DeadlineKind.valueOf(row.deadlineKind()),
						row.authorityCode(),
						new CaseloadCounts(row.openPlans(), row.overduePlans(), row.dueIn7(), row.dueIn28())))
				.collectList()
				.map(groups -> new CaseloadSummary(asOf, groups));
		});
	}

	private static final PlanFilter NO_FILTER = new PlanFilter(null, null, null, null, null, null, null, null, null,
			null);

	private static PlanCriteria criteria(PlanFilter f) {
		DeadlineDueFilter due = f.deadlineDue();
		return new PlanCriteria(f.status(), f.overdueAsOf(), f.reviewDueBefore(), f.reviewDueFrom(), f.teams(),
				f.requiredChairRoles() == null ? null : f.requiredChairRoles().stream().map(Enum::name).toList(),
				due == null ? null
						: new DeadlineDue(due.kind(), due.from(), due.to(), Boolean.TRUE.equals(due.overdue())),
				f.childId() == null ? null : GlobalId.require(f.childId(), NodeType.Child), f.childDisabled());
	}

	static ApiException namesNotVisible() {
		return new ApiException("NAMES_NOT_VISIBLE",
				"this role may not see names, so it may not order or search by them");
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
	 * The plan's status at the end of the day (its stored status when no day is given).
	 */
	public PlanStatus statusOn(CinPlan plan, @Nullable LocalDate day) {
		return day == null || plan.closedOn() == null ? plan.status()
				: plan.closedOn().isAfter(day) ? PlanStatus.OPEN : PlanStatus.CLOSED;
	}

	/** The day the plan closed, if it had by the end of the day. */
	public @Nullable LocalDate closedBy(CinPlan plan, @Nullable LocalDate day) {
		return plan.closedOn() == null || !ListDay.happenedBy(plan.closedOn(), day) ? null : plan.closedOn();
	}

	public CompletableFuture<List<Visit>> visitsBy(CinPlan plan, @Nullable LocalDate day,
			DataLoader<PlanAt, EvaluatedPlan> loader) {
		return at(plan, null, loader)
			.thenApply(e -> e.state().visits().stream().filter(v -> ListDay.happenedBy(v.visitedOn(), day)).toList());
	}

	public CompletableFuture<List<PlanEvent>> eventsBy(CinPlan plan, @Nullable LocalDate day,
			DataLoader<PlanAt, EvaluatedPlan> loader) {
		return at(plan, null, loader)
			.thenApply(e -> e.state().events().stream().filter(v -> ListDay.happenedBy(v.occurredOn(), day)).toList());
	}

	/**
	 * The plan judged as of a date (today when none), through the request's batch loader:
	 * its future, as graphql-java takes it (no Mono in between; see {@code PlanFields}).
	 */
	public CompletableFuture<EvaluatedPlan> at(CinPlan plan, @Nullable LocalDate asOf,
			DataLoader<PlanAt, EvaluatedPlan> loader) {
		return loader.load(new PlanAt(plan.id(), asOf == null ? LocalDate.now(clock) : asOf));
	}

	Mono<PlanPayload> planPayload(UUID planId, String cmid) {
		return Access.readable(plans.plans(List.of(planId)).next()).map(p -> new PlanPayload(p, List.of(), cmid));
	}

}
