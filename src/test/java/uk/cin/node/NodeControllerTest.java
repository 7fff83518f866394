package uk.cin.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester.Response;
import reactor.core.publisher.Mono;
import uk.cin.ControllerSlice;
import uk.cin.api.ApiException;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.family.Child;
import uk.cin.family.Family;
import uk.cin.meeting.Meeting;
import uk.cin.plan.CinPlan;
import uk.cin.plan.CinPlan.PlanStatus;
import uk.cin.policy.ChairRole;
import uk.cin.policy.MeetingKind;
import uk.cin.policy.PlanStartReason;

/**
 * NodeController with the services mocked: each global id is looked up by its uuid in the
 * service that owns its type, and answers as that type; a malformed id reaches none.
 */
class NodeControllerTest extends ControllerSlice {

	private static final UUID FAMILY = UUID.fromString("3f0c1c7e-2a55-4f6e-9a53-7d1f0a1b2c3d");

	private static final UUID CHILD = UUID.fromString("8b2d4e6f-1a3c-4b5d-8e7f-9a0b1c2d3e4f");

	private static final UUID PLAN = UUID.fromString("5c9e1b2a-7d3f-4e8a-b6c1-0f2e3d4c5b6a");

	private static final UUID MEETING = UUID.fromString("1e2d3c4b-5a69-4788-97a6-b5c4d3e2f101");

	@Test
	void aFamilyIdIsLookedUpAsAFamily() {
		when(families.family(FAMILY)).thenReturn(Mono.just(new Family(FAMILY, AUTHORITY, "team-b", "Okafor")));

		Response response = node(GlobalId.of(NodeType.Family, FAMILY));

		response.path("node.__typename").entity(String.class).isEqualTo("Family");
		response.path("node.id").entity(String.class).isEqualTo(GlobalId.of(NodeType.Family, FAMILY));
		response.path("node.name").entity(String.class).isEqualTo("Okafor");
		verify(families).family(FAMILY);
	}

	@Test
	void aChildIdIsLookedUpAsAChild() {
		when(families.child(CHILD)).thenReturn(Mono
			.just(new Child(CHILD, FAMILY, AUTHORITY, "team-b", "Ada", "Okafor", LocalDate.of(2015, 3, 1), false)));

		Response response = node(GlobalId.of(NodeType.Child, CHILD));

		response.path("node.__typename").entity(String.class).isEqualTo("Child");
		response.path("node.id").entity(String.class).isEqualTo(GlobalId.of(NodeType.Child, CHILD));
		response.path("node.givenName").entity(String.class).isEqualTo("Ada");
		verify(families).child(CHILD);
	}

	@Test
	void aPlanIdIsLookedUpAsAPlan() {
		when(plans.plan(PLAN)).thenReturn(Mono.just(
				new CinPlan(PLAN, CHILD, AUTHORITY, "team-b", false, PlanStatus.OPEN, PlanStartReason.AFTER_ASSESSMENT,
						LocalDate.of(2024, 12, 7), LocalDate.of(2025, 1, 6), null, Set.of(), null, null, null, 1)));

		Response response = node(GlobalId.of(NodeType.CinPlan, PLAN));

		response.path("node.__typename").entity(String.class).isEqualTo("CinPlan");
		response.path("node.id").entity(String.class).isEqualTo(GlobalId.of(NodeType.CinPlan, PLAN));
		response.path("node.referralDate").entity(String.class).isEqualTo("2024-12-07");
		verify(plans).plan(PLAN);
	}

	@Test
	void aMeetingIdIsLookedUpAsAMeetingTheCallerMayRead() {
		when(meetings.readable(MEETING)).thenReturn(Mono.just(new Meeting(MEETING, PLAN, MeetingKind.REVIEW,
				LocalDate.of(2025, 3, 3), ChairRole.TEAM_MANAGER, null, null, null, null, null, false, null)));

		Response response = node(GlobalId.of(NodeType.Meeting, MEETING));

		response.path("node.__typename").entity(String.class).isEqualTo("Meeting");
		response.path("node.id").entity(String.class).isEqualTo(GlobalId.of(NodeType.Meeting, MEETING));
		response.path("node.kind").entity(String.class).isEqualTo("REVIEW");
		response.path("node.heldOn").entity(String.class).isEqualTo("2025-03-03");
		verify(meetings).readable(MEETING);
	}

	@Test
	void anIdThatNamesNothingTheCallerMayReadIsNullWithoutAnError() {
		when(meetings.readable(MEETING)).thenReturn(Mono.empty());

		Response response = node(GlobalId.of(NodeType.Meeting, MEETING));

		response.path("node").valueIsNull();
		response.errors().verify();
		verify(meetings).readable(MEETING);
	}

	@Test
	void aMalformedIdIsACodedErrorAndReachesNoService() {
		node("not-an-id").errors().satisfy(errors -> {
			assertThat(errors).singleElement().satisfies(e -> {
				assertThat(e.getExtensions()).containsEntry("code", ApiException.INVALID_ID);
				assertThat(e.getPath()).isEqualTo("node");
			});
		});
		verifyNoInteractions(families, plans, meetings);
	}

	private Response node(String id) {
		return graphQl.documentName("node").variable("id", id).execute();
	}

}
