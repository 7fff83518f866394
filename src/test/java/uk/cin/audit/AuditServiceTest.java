package uk.cin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import uk.cin.api.ApiException;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.audit.AuditLog.Action;
import uk.cin.audit.AuditLog.AuditEvent;
import uk.cin.audit.AuditService.AuditEventConnection;
import uk.cin.security.Access;
import uk.cin.security.Caller;
import uk.cin.security.Role;

/**
 * AuditService with the log mocked: only AUDITOR reads it, a page is asked for one row
 * more than it shows (to know whether another follows), and bad arguments are refused
 * before anything is read.
 */
class AuditServiceTest {

	private static final UUID CHILD = UUID.fromString("8b2d4e6f-1a3c-4b5d-8e7f-9a0b1c2d3e4f");

	private final AuditLog log = mock(AuditLog.class);

	private final AuditService service = new AuditService(log);

	private static Caller caller(Role role) {
		return new Caller("someone", "wessex", Set.of("team-b"), role, Instant.now().plusSeconds(600), "test");
	}

	private static AuditEvent event(long id) {
		return new AuditEvent(id, OffsetDateTime.of(2025, 3, 3, 9, 0, 0, 0, ZoneOffset.UTC), "wessex:someone",
				"AUDITOR", Action.READ, "plans", CHILD, null, null, List.of());
	}

	@Test
	void anAuditorGetsAPageAndLearnsThatAnotherFollows() {
		when(log.page(CHILD, 90L, 3))
			.thenReturn(Flux.fromStream(LongStream.of(89, 88, 87).mapToObj(AuditServiceTest::event)));

		StepVerifier
			.create(service.auditEvents(GlobalId.of(NodeType.Child, CHILD), 2, "90")
				.contextWrite(context -> context.put(Caller.class, caller(Role.AUDITOR))))
			.assertNext(page -> {
				assertThat(page.edges()).extracting(AuditService.AuditEventEdge::cursor).containsExactly("89", "88");
				assertThat(page.pageInfo().hasNextPage()).isTrue();
				assertThat(page.pageInfo().hasPreviousPage()).isTrue();
				assertThat(page.pageInfo().startCursor()).isEqualTo("89");
				assertThat(page.pageInfo().endCursor()).isEqualTo("88");
			})
			.verifyComplete();
		verify(log).page(CHILD, 90L, 3);
	}

	@Test
	void theFirstPageOfAllChildrenTakesFiftyAndHasNothingBefore() {
		when(log.page(null, null, 51)).thenReturn(Flux.just(event(5)));

		AuditEventConnection page = service.auditEvents(null, null, null)
			.contextWrite(context -> context.put(Caller.class, caller(Role.AUDITOR)))
			.block();

		assertThat(page.edges()).hasSize(1);
		assertThat(page.pageInfo().hasNextPage()).isFalse();
		assertThat(page.pageInfo().hasPreviousPage()).isFalse();
	}

	@Test
	void anyOtherRoleIsForbiddenAndReadsNothing() {
		StepVerifier
			.create(service.auditEvents(null, 10, null)
				.contextWrite(context -> context.put(Caller.class, caller(Role.TEAM_MANAGER))))
			.expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ApiException.class,
					refused -> assertThat(refused.code()).isEqualTo(Access.FORBIDDEN)))
			.verify();
		verifyNoInteractions(log);
	}

	@Test
	void aPageSizeOutOfRangeOrABadCursorIsRefusedBeforeAnythingIsRead() {
		assertThatThrownBy(() -> service.auditEvents(null, AuditService.MAX_PAGE + 1, null))
			.isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ApiException.INVALID));
		assertThatThrownBy(() -> service.auditEvents(null, -1, null)).isInstanceOf(ApiException.class);
		assertThatThrownBy(() -> service.auditEvents(null, 10, "not-a-cursor"))
			.isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_CURSOR"));
		verifyNoInteractions(log);
	}

	@Test
	void anOldWriteRowNamesItsObjectByItsMutation() {
		UUID plan = UUID.randomUUID();
		AuditEvent written = new AuditEvent(1, OffsetDateTime.now(), "c", "SOCIAL_WORKER", Action.WRITE, "closePlan",
				CHILD, null, plan, List.of());
		AuditEvent refused = new AuditEvent(2, OffsetDateTime.now(), "c", "SOCIAL_WORKER", Action.REFUSED, "closePlan",
				CHILD, null, plan, List.of());

		assertThat(AuditService.objectId(written)).isEqualTo(GlobalId.of(NodeType.CinPlan, plan));
		assertThat(AuditService.objectId(refused)).isNull();
	}

}
