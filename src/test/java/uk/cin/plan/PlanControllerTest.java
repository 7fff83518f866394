package uk.cin.plan;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester.Response;
import reactor.core.publisher.Mono;
import uk.cin.ControllerSlice;
import uk.cin.api.ApiException;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.api.PageInfo;
import uk.cin.api.UserError;
import uk.cin.plan.CinPlan.PlanFlags;
import uk.cin.plan.CinPlan.PlanStatus;
import uk.cin.plan.PlanRepository.OrderField;
import uk.cin.plan.PlanService.CinPlanConnection;
import uk.cin.plan.PlanService.CinPlanEdge;
import uk.cin.plan.PlanService.OpenPlanInput;
import uk.cin.plan.PlanService.OrderDirection;
import uk.cin.plan.PlanService.PlanFilter;
import uk.cin.plan.PlanService.PlanList;
import uk.cin.plan.PlanService.PlanOrder;
import uk.cin.plan.PlanService.PlanPayload;
import uk.cin.plan.PlanStates.EvaluatedPlan;
import uk.cin.policy.ChairRole;
import uk.cin.policy.Deadline;
import uk.cin.policy.DeadlineKind;
import uk.cin.policy.DeadlineStatus;
import uk.cin.policy.Evaluation;
import uk.cin.policy.PlanFlag;
import uk.cin.policy.PlanStartReason;
import uk.cin.policy.RuleRef;

/**
 * PlanController with PlanService mocked: the list's arguments reach the service as sent
 * and its page comes back as the connection; openPlan's input and payload; a computed
 * field's asOf.
 */
class PlanControllerTest extends ControllerSlice {

	private static final UUID CHILD = UUID.fromString("8b2d4e6f-1a3c-4b5d-8e7f-9a0b1c2d3e4f");

	private static final LocalDate TRIGGER = LocalDate.of(2025, 1, 6);

	private static CinPlan plan(UUID id, PlanStatus status, Set<PlanFlag> flags) {
		return new CinPlan(id, CHILD, AUTHORITY, "team-b", false, status, PlanStartReason.AFTER_ASSESSMENT,
				TRIGGER.minusDays(30), TRIGGER, null, flags, null, null, null, 1);
	}

	@BeforeEach
	void statusAsStored() {
		// The status under a list's day is the service's to say; outside one it is the
		// stored status.
		when(plans.statusOn(any(), any())).thenAnswer(call -> call.<CinPlan>getArgument(0).status());
	}

	@Test
	void plansHandsOrderDayAndBackwardPagingOnAsSent() {
		when(plans.page(any(), anyBoolean()))
			.thenReturn(Mono.just(new CinPlanConnection(List.of(), new PageInfo(false, false, null, null), 0)));

		graphQl.documentName("plansOrdered").execute().path("plans.edges").entityList(Object.class).hasSize(0);

		verify(plans).page(new PlanList(null, 50, null, 5, "c9",
				new PlanOrder(OrderField.NEXT_REVIEW_DUE, OrderDirection.DESC), LocalDate.of(2026, 3, 31)), false);
	}

	@Test
	void plansHandsTheFilterAndPageOnAndShowsTheServicesPageAsAConnection() {
		CinPlan first = plan(UUID.randomUUID(), PlanStatus.OPEN, Set.of());
		CinPlan second = plan(UUID.randomUUID(), PlanStatus.CLOSED, Set.of());
		PlanFilter filter = new PlanFilter(null, PlanStatus.OPEN, LocalDate.of(2025, 3, 31), null, null, null, null,
				null, null, null);
		PlanList list = new PlanList(filter, 2, "c0", null, null, null, null);
		when(plans.page(list, true)).thenReturn(
				Mono.just(new CinPlanConnection(List.of(new CinPlanEdge("c1", first), new CinPlanEdge("c2", second)),
						new PageInfo(true, true, "c1", "c2"), 7)));

		Response response = graphQl.documentName("plans")
			.variable("filter", Map.of("status", "OPEN", "overdueAsOf", "2025-03-31"))
			.variable("first", 2)
			.variable("after", "c0")
			.execute();

		response.path("plans.edges[*].cursor").entityList(String.class).containsExactly("c1", "c2");
		response.path("plans.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(GlobalId.of(NodeType.CinPlan, first.id()), GlobalId.of(NodeType.CinPlan, second.id()));
		response.path("plans.edges[*].node.status").entityList(String.class).containsExactly("OPEN", "CLOSED");
		response.path("plans.edges[0].node.referralDate").entity(String.class).isEqualTo("2024-12-07");
		response.path("plans.edges[0].node.authority.code").entity(String.class).isEqualTo(AUTHORITY);
		response.path("plans.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		response.path("plans.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		response.path("plans.pageInfo.startCursor").entity(String.class).isEqualTo("c1");
		response.path("plans.pageInfo.endCursor").entity(String.class).isEqualTo("c2");
		response.path("plans.totalCount").entity(Integer.class).isEqualTo(7);
		verify(plans).page(list, true);
	}

	@Test
	void plansIsCountedOnlyWhenTotalCountIsAskedFor() {
		when(plans.page(any(), anyBoolean()))
			.thenReturn(Mono.just(new CinPlanConnection(List.of(), new PageInfo(false, false, null, null), 0)));

		graphQl.documentName("plansUncounted").execute().path("plans.edges").entityList(Object.class).hasSize(0);

		verify(plans).page(new PlanList(null, 10, null, null, null, null, null), false);
	}

	@Test
	void openPlanHandsTheInputOnAndShowsThePlanTheServiceOpened() {
		String childId = GlobalId.of(NodeType.Child, CHILD);
		OpenPlanInput expected = new OpenPlanInput(childId, PlanStartReason.AFTER_ASSESSMENT, TRIGGER.minusDays(30),
				TRIGGER, null, new PlanFlags(true, false, false, false, false, false, true), 10, "cm-2");
		CinPlan opened = plan(UUID.randomUUID(), PlanStatus.OPEN,
				EnumSet.of(PlanFlag.HELD_IN_MAT, PlanFlag.SUPERVISION_ORDER));
		when(plans.openPlan(expected)).thenReturn(Mono.just(new PlanPayload(opened, List.of(), "cm-2")));

		Response response = graphQl.documentName("openPlan")
			.variable("input",
					Map.of("childId", childId, "startReason", "AFTER_ASSESSMENT", "referralDate", "2024-12-07",
							"triggerDate", "2025-01-06", "flags", Map.of("heldInMat", true, "supervisionOrder", true),
							"visitFrequencyWorkingDays", 10, "clientMutationId", "cm-2"))
			.execute();

		response.path("openPlan.plan.id").entity(String.class).isEqualTo(GlobalId.of(NodeType.CinPlan, opened.id()));
		response.path("openPlan.plan.status").entity(String.class).isEqualTo("OPEN");
		response.path("openPlan.plan.startReason").entity(String.class).isEqualTo("AFTER_ASSESSMENT");
		response.path("openPlan.plan.triggerDate").entity(String.class).isEqualTo("2025-01-06");
		response.path("openPlan.plan.flags.heldInMat").entity(Boolean.class).isEqualTo(true);
		response.path("openPlan.plan.flags.supervisionOrder").entity(Boolean.class).isEqualTo(true);
		response.path("openPlan.userErrors").entityList(Object.class).hasSize(0);
		response.path("openPlan.clientMutationId").entity(String.class).isEqualTo("cm-2");
		verify(plans).openPlan(expected);
	}

	@Test
	void openPlanRefusedShowsTheServicesUserErrorsAndNoPlan() {
		UserError refusal = UserError.of(ApiException.NOT_FOUND, "no such child", "input", "childId");
		when(plans.openPlan(any())).thenReturn(Mono.just(new PlanPayload(null, List.of(refusal), null)));

		Response response = graphQl.documentName("openPlan")
			.variable("input",
					Map.of("childId", GlobalId.of(NodeType.Child, CHILD), "startReason", "TRANSFER_IN", "referralDate",
							"2024-12-07", "triggerDate", "2025-01-06"))
			.execute();

		response.path("openPlan.plan").valueIsNull();
		assertOnlyUserError(response, "openPlan", refusal);
	}

	@Test
	void aComputedFieldIsJudgedOnTheAsOfItWasAskedFor() {
		UUID id = UUID.randomUUID();
		CinPlan stored = plan(id, PlanStatus.OPEN, Set.of());
		LocalDate asOf = LocalDate.of(2025, 6, 30);
		when(plans.plan(id)).thenReturn(Mono.just(stored));
		when(plans.at(eq(stored), eq(null), any())).thenReturn(CompletableFuture.completedFuture(new EvaluatedPlan(null,
				new Evaluation(LocalDate.now(), false, TRIGGER, List.of(), null, List.of(), List.of()))));
		Deadline late = new Deadline(DeadlineKind.FIRST_REVIEW, asOf.minusDays(3), DeadlineStatus.OVERDUE, null,
				ChairRole.TEAM_MANAGER, new RuleRef("WES-02", "First review"), null);
		when(plans.at(eq(stored), eq(asOf), any())).thenReturn(CompletableFuture.completedFuture(new EvaluatedPlan(null,
				new Evaluation(asOf, false, TRIGGER, List.of(late), null, List.of(), List.of()))));

		Response response = graphQl.documentName("planOverdue")
			.variable("id", GlobalId.of(NodeType.CinPlan, id))
			.variable("asOf", "2025-06-30")
			.execute();

		response.path("plan.id").entity(String.class).isEqualTo(GlobalId.of(NodeType.CinPlan, id));
		response.path("plan.startDate").entity(String.class).isEqualTo("2025-01-06");
		// The evaluation as of the asOf asked for has an overdue deadline; today's has
		// none.
		response.path("plan.isOverdue").entity(Boolean.class).isEqualTo(true);
		verify(plans).plan(id);
		verify(plans).at(eq(stored), eq(asOf), any());
		verify(plans).at(eq(stored), eq(null), any());
	}

}
