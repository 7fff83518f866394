package uk.cin.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.graphql.test.tester.GraphQlTester.Response;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import uk.cin.ControllerSlice;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.plan.CinPlan;
import uk.cin.plan.CinPlan.PlanStatus;
import uk.cin.policy.PlanStartReason;

/**
 * LiveController with DeadlineSubscriptions mocked: deadlinesChanged's arguments, and
 * what the subscription selects, reach the service as sent; each change it emits is an
 * event of the subscription.
 */
class LiveControllerTest extends ControllerSlice {

	private static final UUID PLAN = UUID.fromString("5c9e1b2a-7d3f-4e8a-b6c1-0f2e3d4c5b6a");

	private static final OffsetDateTime CHANGED = OffsetDateTime.of(2025, 3, 3, 9, 30, 0, 0, ZoneOffset.UTC);

	private final CinPlan plan = new CinPlan(PLAN, UUID.randomUUID(), AUTHORITY, "team-b", false, PlanStatus.OPEN,
			PlanStartReason.AFTER_ASSESSMENT, LocalDate.of(2024, 12, 7), LocalDate.of(2025, 1, 6), null, Set.of(), null,
			null, null, 3);

	@Test
	void deadlinesChangedHandsTheArgumentsOnAndSendsEachChangeAsAnEvent() {
		String planId = GlobalId.of(NodeType.CinPlan, PLAN);
		DeadlineChange first = new DeadlineChange(42, PLAN, AUTHORITY, DeadlineChange.Cause.MUTATION, CHANGED,
				LocalDate.of(2025, 4, 14), false, plan);
		DeadlineChange second = new DeadlineChange(43, PLAN, AUTHORITY, DeadlineChange.Cause.TIME_PASSED,
				CHANGED.plusDays(1), null, true, plan);
		when(subscriptions.deadlinesChanged(eq(AUTHORITY), eq(planId), eq("41"), any(), any()))
			.thenReturn(Flux.just(first, second));

		Flux<Response> events = graphQl.documentName("deadlinesChanged")
			.variable("authorityCode", AUTHORITY)
			.variable("planId", planId)
			.variable("after", "41")
			.executeSubscription()
			.toFlux();

		StepVerifier.create(events).assertNext(event -> {
			event.path("deadlinesChanged.id").entity(String.class).isEqualTo("42");
			event.path("deadlinesChanged.cause").entity(String.class).isEqualTo("MUTATION");
			event.path("deadlinesChanged.changedAt")
				.entity(String.class)
				.satisfies(at -> assertThat(OffsetDateTime.parse(at)).isAtSameInstantAs(CHANGED));
			event.path("deadlinesChanged.nextReviewDue").entity(String.class).isEqualTo("2025-04-14");
			event.path("deadlinesChanged.isOverdue").entity(Boolean.class).isEqualTo(false);
			event.path("deadlinesChanged.plan.id").entity(String.class).isEqualTo(planId);
		}).assertNext(event -> {
			event.path("deadlinesChanged.id").entity(String.class).isEqualTo("43");
			event.path("deadlinesChanged.cause").entity(String.class).isEqualTo("TIME_PASSED");
			event.path("deadlinesChanged.nextReviewDue").valueIsNull();
			event.path("deadlinesChanged.isOverdue").entity(Boolean.class).isEqualTo(true);
		}).expectComplete().verify(Duration.ofSeconds(10));

		// The subscription's selection, for what its events share with other
		// subscribers', and its DataLoaders, for the service to fill.
		ArgumentCaptor<DataFetchingFieldSelectionSet> selection = ArgumentCaptor
			.forClass(DataFetchingFieldSelectionSet.class);
		verify(subscriptions).deadlinesChanged(eq(AUTHORITY), eq(planId), eq("41"), any(DataLoaderRegistry.class),
				selection.capture());
		assertThat(selection.getValue().contains("plan/id")).isTrue();
		assertThat(selection.getValue().contains("plan/child")).isFalse();
	}

	@Test
	void deadlinesChangedWithoutFiltersHandsOnNulls() {
		when(subscriptions.deadlinesChanged(any(), any(), any(), any(), any())).thenReturn(Flux.empty());

		StepVerifier.create(graphQl.documentName("deadlinesChanged").executeSubscription().toFlux())
			.expectComplete()
			.verify(Duration.ofSeconds(10));

		verify(subscriptions).deadlinesChanged(eq(null), eq(null), eq(null), any(), any());
	}

}
