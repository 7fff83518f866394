package uk.cin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester.Response;
import reactor.core.publisher.Mono;
import uk.cin.ControllerSlice;
import uk.cin.api.ApiException;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.api.PageInfo;
import uk.cin.audit.AuditLog.Action;
import uk.cin.audit.AuditLog.AuditEvent;
import uk.cin.audit.AuditService.AuditEventConnection;
import uk.cin.audit.AuditService.AuditEventEdge;
import uk.cin.security.Access;

/**
 * AuditController with AuditService mocked: the arguments reach the service as sent, and
 * its page comes back as the connection, with ids as global ids.
 */
class AuditControllerTest extends ControllerSlice {

	private static final UUID CHILD = UUID.fromString("8b2d4e6f-1a3c-4b5d-8e7f-9a0b1c2d3e4f");

	private static final UUID MEETING = UUID.fromString("1e2d3c4b-5a69-4788-97a6-b5c4d3e2f101");

	private static final UUID PLAN = UUID.fromString("5c9e1b2a-7d3f-4e8a-b6c1-0f2e3d4c5b6a");

	private static final OffsetDateTime AT = OffsetDateTime.of(2025, 3, 3, 9, 30, 0, 0, ZoneOffset.UTC);

	@Test
	void auditEventsHandsTheArgumentsOnAndShowsTheServicesPageAsAConnection() {
		String childId = GlobalId.of(NodeType.Child, CHILD);
		AuditEvent read = new AuditEvent(91, AT, "wessex:auditor-1", "AUDITOR", Action.READ, "meetingNames", CHILD,
				"Meeting", MEETING, List.of("Attendee.name", "Meeting.chairName"));
		// Written before the object's type was kept: the mutation names it.
		AuditEvent written = new AuditEvent(90, AT, "wessex:sw-1", "SOCIAL_WORKER", Action.WRITE, "openPlan", CHILD,
				null, PLAN, List.of());
		when(audit.auditEvents(childId, 2, "92")).thenReturn(Mono
			.just(new AuditEventConnection(List.of(new AuditEventEdge("91", read), new AuditEventEdge("90", written)),
					new PageInfo(true, true, "91", "90"))));

		Response response = graphQl.documentName("auditEvents")
			.variable("childId", childId)
			.variable("first", 2)
			.variable("after", "92")
			.execute();

		response.path("auditEvents.edges[*].cursor").entityList(String.class).containsExactly("91", "90");
		response.path("auditEvents.edges[*].node.id").entityList(String.class).containsExactly("91", "90");
		response.path("auditEvents.edges[0].node.at")
			.entity(String.class)
			.satisfies(at -> assertThat(OffsetDateTime.parse(at)).isAtSameInstantAs(AT));
		response.path("auditEvents.edges[0].node.caller").entity(String.class).isEqualTo("wessex:auditor-1");
		response.path("auditEvents.edges[0].node.role").entity(String.class).isEqualTo("AUDITOR");
		response.path("auditEvents.edges[*].node.action").entityList(String.class).containsExactly("READ", "WRITE");
		response.path("auditEvents.edges[0].node.operation").entity(String.class).isEqualTo("meetingNames");
		response.path("auditEvents.edges[*].node.childId").entityList(String.class).containsExactly(childId, childId);
		response.path("auditEvents.edges[*].node.objectId")
			.entityList(String.class)
			.containsExactly(GlobalId.of(NodeType.Meeting, MEETING), GlobalId.of(NodeType.CinPlan, PLAN));
		response.path("auditEvents.edges[0].node.fields")
			.entityList(String.class)
			.containsExactly("Attendee.name", "Meeting.chairName");
		response.path("auditEvents.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		response.path("auditEvents.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		response.path("auditEvents.pageInfo.startCursor").entity(String.class).isEqualTo("91");
		response.path("auditEvents.pageInfo.endCursor").entity(String.class).isEqualTo("90");
		verify(audit).auditEvents(childId, 2, "92");
	}

	@Test
	void aReadOfNoChildAndNoKnownTypeShowsNeitherId() {
		AuditEvent read = new AuditEvent(7, AT, "wessex:sw-1", "SOCIAL_WORKER", Action.READ, "plans", null, null, PLAN,
				List.of("CinPlan.status"));
		when(audit.auditEvents(any(), any(), any()))
			.thenReturn(Mono.just(new AuditEventConnection(List.of(new AuditEventEdge("7", read)),
					new PageInfo(false, false, "7", "7"))));

		Response response = graphQl.documentName("auditEvents").execute();

		response.path("auditEvents.edges[0].node.childId").valueIsNull();
		response.path("auditEvents.edges[0].node.objectId").valueIsNull();
	}

	@Test
	void auditEventsTakesTheSchemasDefaultPageSize() {
		when(audit.auditEvents(any(), any(), any()))
			.thenReturn(Mono.just(new AuditEventConnection(List.of(), new PageInfo(false, false, null, null))));

		graphQl.documentName("auditEventsDefault")
			.execute()
			.path("auditEvents.edges")
			.entityList(Object.class)
			.hasSize(0);

		verify(audit).auditEvents(null, 50, null);
	}

	@Test
	void theServicesRefusalIsACodedErrorAndNoPage() {
		when(audit.auditEvents(any(), any(), any()))
			.thenReturn(Mono.error(new ApiException(Access.FORBIDDEN, "only the AUDITOR role reads the audit log")));

		graphQl.documentName("auditEventsDefault").execute().errors().satisfy(errors -> {
			assertThat(errors).singleElement().satisfies(e -> {
				assertThat(e.getExtensions()).containsEntry("code", Access.FORBIDDEN);
				assertThat(e.getPath()).isEqualTo("auditEvents");
			});
		});
	}

}
