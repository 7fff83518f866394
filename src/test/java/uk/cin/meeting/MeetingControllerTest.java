package uk.cin.meeting;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester.Response;
import reactor.core.publisher.Mono;
import uk.cin.ControllerSlice;
import uk.cin.api.ApiException;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.api.UserError;
import uk.cin.meeting.MeetingService.AttendeeInput;
import uk.cin.meeting.MeetingService.RecordMeetingInput;
import uk.cin.meeting.MeetingService.RecordMeetingPayload;
import uk.cin.plan.CinPlan;
import uk.cin.plan.CinPlan.PlanStatus;
import uk.cin.policy.ChairRole;
import uk.cin.policy.MeetingKind;
import uk.cin.policy.PlanStartReason;
import uk.cin.policy.ReviewOutcome;

/**
 * MeetingController with MeetingService mocked: recordMeeting's input, coerced by GraphQL
 * (final, a Java keyword, included), reaches the service field for field; the payload
 * shows the service's meeting and plan.
 */
class MeetingControllerTest extends ControllerSlice {

	private static final UUID PLAN = UUID.fromString("5c9e1b2a-7d3f-4e8a-b6c1-0f2e3d4c5b6a");

	private static final UUID MEETING = UUID.fromString("1e2d3c4b-5a69-4788-97a6-b5c4d3e2f101");

	private final String planId = GlobalId.of(NodeType.CinPlan, PLAN);

	private final CinPlan plan = new CinPlan(PLAN, UUID.randomUUID(), AUTHORITY, "team-b", false, PlanStatus.OPEN,
			PlanStartReason.AFTER_ASSESSMENT, LocalDate.of(2024, 12, 7), LocalDate.of(2025, 1, 6), null, Set.of(), null,
			null, null, 3);

	@Test
	void recordMeetingHandsEveryFieldOnAndShowsTheMeetingTheServiceRecorded() {
		RecordMeetingInput expected = new RecordMeetingInput(planId, MeetingKind.REVIEW, LocalDate.of(2025, 3, 3),
				ChairRole.TEAM_MANAGER, "R. Shah", 6, LocalDate.of(2025, 4, 14), ReviewOutcome.CONTINUE, true,
				List.of(new AttendeeInput("Ada's mother", "parent", true, false)), false, "family's request", "cm-3");
		Meeting meeting = new Meeting(MEETING, PLAN, MeetingKind.REVIEW, LocalDate.of(2025, 3, 3),
				ChairRole.TEAM_MANAGER, "R. Shah", false, 6, LocalDate.of(2025, 4, 14), ReviewOutcome.CONTINUE, true,
				"family's request");
		when(meetings.recordMeeting(expected))
			.thenReturn(Mono.just(new RecordMeetingPayload(meeting, plan, List.of(), "cm-3")));

		Response response = graphQl.documentName("recordMeeting")
			.variable("input", Map.ofEntries(Map.entry("planId", planId), Map.entry("kind", "REVIEW"),
					Map.entry("heldOn", "2025-03-03"), Map.entry("chairRole", "TEAM_MANAGER"),
					Map.entry("chairName", "R. Shah"), Map.entry("agreedReviewIntervalWeeks", 6),
					Map.entry("nextReviewDate", "2025-04-14"), Map.entry("outcome", "CONTINUE"),
					Map.entry("final", true),
					Map.entry("attendees",
							List.of(Map.of("name", "Ada's mother", "role", "parent", "attended", false))),
					Map.entry("chairIsCaseTeamManager", false),
					Map.entry("intervalExceptionReason", "family's request"), Map.entry("clientMutationId", "cm-3")))
			.execute();

		response.path("recordMeeting.meeting.id")
			.entity(String.class)
			.isEqualTo(GlobalId.of(NodeType.Meeting, MEETING));
		response.path("recordMeeting.meeting.kind").entity(String.class).isEqualTo("REVIEW");
		response.path("recordMeeting.meeting.heldOn").entity(String.class).isEqualTo("2025-03-03");
		response.path("recordMeeting.meeting.chairRole").entity(String.class).isEqualTo("TEAM_MANAGER");
		response.path("recordMeeting.meeting.final").entity(Boolean.class).isEqualTo(true);
		response.path("recordMeeting.meeting.nextReviewDate").entity(String.class).isEqualTo("2025-04-14");
		response.path("recordMeeting.plan.id").entity(String.class).isEqualTo(planId);
		response.path("recordMeeting.userErrors").entityList(Object.class).hasSize(0);
		response.path("recordMeeting.clientMutationId").entity(String.class).isEqualTo("cm-3");
		verify(meetings).recordMeeting(expected);
	}

	@Test
	void recordMeetingTakesTheSchemasDefaultsForWhatIsLeftOut() {
		RecordMeetingInput expected = new RecordMeetingInput(planId, MeetingKind.PLANNING, LocalDate.of(2025, 1, 20),
				ChairRole.SOCIAL_WORKER, null, null, null, null, false,
				List.of(new AttendeeInput("Ada", "child", true, true)), null, null, null);
		UserError refusal = UserError.of(ApiException.INVALID, "held before the plan started", "input", "heldOn");
		when(meetings.recordMeeting(any()))
			.thenReturn(Mono.just(new RecordMeetingPayload(null, null, List.of(refusal), null)));

		Response response = graphQl.documentName("recordMeeting")
			.variable("input",
					Map.of("planId", planId, "kind", "PLANNING", "heldOn", "2025-01-20", "chairRole", "SOCIAL_WORKER",
							"attendees", List.of(Map.of("name", "Ada", "role", "child"))))
			.execute();

		response.path("recordMeeting.meeting").valueIsNull();
		response.path("recordMeeting.plan").valueIsNull();
		assertOnlyUserError(response, "recordMeeting", refusal);
		verify(meetings).recordMeeting(expected);
	}

}
