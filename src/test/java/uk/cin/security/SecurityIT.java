package uk.cin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import uk.cin.api.Api;
import uk.cin.localdb.LocalPostgres;
import uk.cin.localdb.TestDatabase;

/** Authentication, row-level security, the audit log, and subscriptions' tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class SecurityIT {

	@Autowired
	HttpGraphQlTester tester;

	@Autowired
	DatabaseClient db;

	@Autowired
	AuthorityScope scope;

	@LocalServerPort
	int port;

	@Value("${spring.liquibase.url}")
	String jdbcUrl;

	private WebClient http() {
		return WebClient.create("http://localhost:" + port);
	}

	@Test
	void rowLevelSecurityHidesOtherAuthoritiesEvenFromAQueryWithNoFilter() {
		Api api = new Api(tester);
		api.openPlan(api.addChild(api.createFamily("camden", "RLS"), "R", false), "AFTER_ASSESSMENT", "2026-09-01",
				"2026-10-01");
		api.openPlan(api.addChild(api.createFamily("derby", "RLS"), "S", false), "AFTER_ASSESSMENT", "2026-09-01",
				"2026-10-01");
		// The service's own role, with the application's filters left out entirely: whole
		// tables read.
		for (String table : List.of("family", "child", "cin_plan", "plan_deadline", "deadline_change",
				"audit.audit_event")) {
			List<String> authorities = scope
				.flux("camden",
						db.sql("select distinct authority_code from " + table).map(r -> r.get(0, String.class)).all())
				.collectList()
				.block();
			assertThat(authorities).as(table).containsExactly("camden");
			// Outside a scoped transaction nothing at all is visible.
			Long unscoped = db.sql("select count(*) from " + table).map(r -> r.get(0, Long.class)).one().block();
			assertThat(unscoped).as(table + " unscoped").isZero();
		}
		// Nor can a row be written for another authority from camden's transaction.
		assertThatThrownBy(() -> scope
			.mono("camden",
					db.sql("insert into family (id, authority_code, team, name)"
							+ " values (gen_random_uuid(), 'derby', 'team-a', 'x')")
						.then())
			.block()).hasMessageContaining("row-level security");
	}

	@Test
	void theAuditLogCannotBeChangedByTheServiceNorTheMigrationLoginOnlyBlockedEvenForASuperuser() throws Exception {
		Api api = new Api(tester);
		api.createFamily("camden", "Audited");
		assertThatThrownBy(
				() -> scope.mono("camden", db.sql("update audit.audit_event set caller = 'x'").then()).block())
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> scope.mono("camden", db.sql("delete from audit.audit_event").then()).block())
			.hasMessageContaining("permission denied");
		// The schema's owner, as which the migrations run, no longer holds the log's
		// owner role.
		try (Connection owner = DriverManager.getConnection(jdbcUrl, "cin", "cin");
				Statement statement = owner.createStatement()) {
			for (String change : List.of("delete from audit.audit_event", "truncate audit.audit_event",
					"alter table audit.audit_event disable trigger all", "drop table audit.audit_event",
					"drop schema audit cascade", "alter table audit.audit_event owner to cin",
					"set role " + LocalPostgres.AUDIT_OWNER)) {
				assertThatThrownBy(() -> statement.execute(change)).as(change)
					.satisfiesAnyOf(e -> assertThat(e).hasMessageContaining("permission denied"),
							e -> assertThat(e).hasMessageContaining("must be owner"));
			}
		}
		// Even a superuser's delete meets the log's append-only trigger.
		try (Connection superuser = TestDatabase.start().superuser();
				Statement statement = superuser.createStatement()) {
			assertThat(owner(statement)).isEqualTo(LocalPostgres.AUDIT_OWNER);
			assertThatThrownBy(() -> statement.execute("delete from audit.audit_event"))
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> statement.execute("truncate audit.audit_event"))
				.hasMessageContaining("append-only");
		}
	}

	private static String owner(Statement statement) throws Exception {
		try (var rows = statement.executeQuery(
				"select tableowner from pg_tables where schemaname = 'audit'" + " and tablename = 'audit_event'")) {
			rows.next();
			return rows.getString(1);
		}
	}

	@Test
	void readsAndWritesAreAuditedAndOnlyTheAuditorReadsTheLog() {
		Api api = new Api(tester);
		String child = api.addChild(api.createFamily("nottinghamshire", "Audit trail"), "T", false);
		api.tester()
			.document("query Caseload($id: ID!) { child(id: $id) { givenName dateOfBirth } }")
			.variable("id", child)
			.execute()
			.path("child.givenName")
			.entity(String.class)
			.isEqualTo("T");

		HttpGraphQlTester auditor = tester.mutate()
			.header(HttpHeaders.AUTHORIZATION,
					TestTokens
						.bearer(TestTokens.token("nottinghamshire", Role.AUDITOR, Duration.ofMinutes(5), "audit")))
			.build();
		String query = "query($c: ID) { auditEvents(childId: $c, first: 10) { edges { node { caller role action"
				+ " operation childId fields } } } }";
		List<Map> events = auditor.document(query)
			.variable("c", child)
			.execute()
			.path("auditEvents.edges[*].node")
			.entityList(Map.class)
			.get();
		assertThat(events).anySatisfy(e -> {
			assertThat(e.get("action")).isEqualTo("READ");
			assertThat(e.get("operation")).isEqualTo("Caseload");
			assertThat(e.get("caller")).isEqualTo("nottinghamshire/test-team_manager");
			assertThat((List<Object>) e.get("fields")).containsExactlyInAnyOrder("Child.givenName",
					"Child.dateOfBirth");
		});
		List<Map> writes = auditor
			.document("{ auditEvents(first: 50) { edges { node { action operation objectId } } } }")
			.execute()
			.path("auditEvents.edges[*].node")
			.entityList(Map.class)
			.get();
		assertThat(writes).anySatisfy(e -> assertThat(e).containsEntry("action", "WRITE")
			.containsEntry("operation", "addChild")
			.containsEntry("objectId", child));

		api.tester()
			.document("{ auditEvents { edges { node { id } } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	@Test
	void requestsWithoutAValidTokenAreRefusedWith401AndACode() {
		String query = "{\"query\":\"{ authorities { code } }\"}";
		for (String authorization : new String[] { null, "Bearer not-a-token",
				TestTokens
					.bearer(TestTokens.token("s", "nowhere", "TEAM_MANAGER", Duration.ofMinutes(5), List.of("a"))),
				TestTokens.bearer(TestTokens.token("s", "camden", "CHIEF", Duration.ofMinutes(5), List.of("a"))),
				TestTokens.bearer(TestTokens.token("s", "camden", "TEAM_MANAGER", Duration.ofMinutes(5), List.of())),
				TestTokens.bearer(
						TestTokens.token("s", "camden", "TEAM_MANAGER", Duration.ofSeconds(-120), List.of("a"))) }) {
			var request = http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
			if (authorization != null) {
				request = request.header(HttpHeaders.AUTHORIZATION, authorization);
			}
			var response = request.bodyValue(query)
				.exchangeToMono(r -> r.bodyToMono(String.class).map(body -> Map.entry(r.statusCode().value(), body)))
				.block();
			assertThat(response.getKey()).as(String.valueOf(authorization)).isEqualTo(401);
			assertThat(response.getValue()).contains("UNAUTHENTICATED");
		}
		// Health stays open.
		assertThat(http().get().uri("/actuator/health").retrieve().toBodilessEntity().block().getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void theLocalTokenEndpointDoesNotExistOutsideTheLocalProfile() {
		int status = http().post()
			.uri("/local/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"authority\":\"camden\",\"teams\":[\"a\"],\"role\":\"TEAM_MANAGER\"}")
			.exchangeToMono(r -> Mono.just(r.statusCode().value()))
			.block();
		assertThat(status).isEqualTo(404);
	}

	@Test
	void graphiQlIsNotServedOutsideTheLocalProfile() {
		for (String path : new String[] { "/graphiql", "/graphiql/assets/graphiql.js" }) {
			int status = http().get().uri(path).exchangeToMono(r -> Mono.just(r.statusCode().value())).block();
			assertThat(status).as(path).isEqualTo(404);
		}
	}

	@Test
	void aWebSocketWithoutATokenIsClosedAsUnauthorized() {
		List<String> closed = new CopyOnWriteArrayList<>();
		WebSocketGraphQlClient client = WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + port + "/graphql"), new ReactorNettyWebSocketClient())
			.build();
		assertThatThrownBy(() -> client.document("subscription { deadlinesChanged { id } }")
			.retrieveSubscription("deadlinesChanged")
			.toEntity(Map.class)
			.blockFirst(Duration.ofSeconds(10))).satisfies(e -> closed.add(String.valueOf(e.getMessage())));
		assertThat(closed).singleElement().asString().contains("4401");
		client.stop().block();
	}

	@Test
	void aSubscriptionEndsWithTokenExpiredWhenItsTokenDoes() {
		String token = TestTokens.token("camden", Role.TEAM_MANAGER, Duration.ofSeconds(3), "team-a");
		WebSocketGraphQlClient client = WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + port + "/graphql"), new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", TestTokens.bearer(token)));
				}
			})
			.build();
		assertThatThrownBy(() -> client.document("subscription { deadlinesChanged { id } }")
			.retrieveSubscription("deadlinesChanged")
			.toEntity(Map.class)
			.blockLast(Duration.ofSeconds(20))).hasMessageContaining("TOKEN_EXPIRED");
		client.stop().block();
	}

	@Test
	void theWebSocketIsClosedWhenItsTokenExpires() {
		String token = TestTokens.token("camden", Role.TEAM_MANAGER, Duration.ofSeconds(3), "team-a");
		List<String> received = new CopyOnWriteArrayList<>();
		AtomicReference<CloseStatus> closed = new AtomicReference<>();
		long started = System.nanoTime();
		WebSocketHandler handler = new WebSocketHandler() {
			@Override
			public List<String> getSubProtocols() {
				return List.of("graphql-transport-ws");
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
				outgoing.tryEmitNext("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\""
						+ TestTokens.bearer(token) + "\"}}");
				Mono<Void> in = session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(text -> {
					received.add(text);
					if (text.contains("connection_ack")) {
						outgoing.tryEmitNext("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
								+ "\"subscription { deadlinesChanged { id } }\"}}");
					}
				}).then();
				return Mono.when(session.send(outgoing.asFlux().map(session::textMessage)), in,
						session.closeStatus().doOnNext(closed::set));
			}
		};
		// No close from this side: the service must end the connection itself.
		HttpHeaders handshake = new HttpHeaders();
		handshake.set("X-Request-Id", "expiring-socket-1");
		new ReactorNettyWebSocketClient().execute(URI.create("ws://localhost:" + port + "/graphql"), handshake, handler)
			.timeout(Duration.ofSeconds(20))
			.onErrorComplete()
			.block();
		assertThat(closed.get()).as("closed by the service").isNotNull();
		assertThat(closed.get().getCode()).isEqualTo(ExpiringSockets.TOKEN_EXPIRED_CLOSE);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
		// The error names the correlation id of the socket's handshake, as every error a
		// client receives does.
		assertThat(received).anySatisfy(
				text -> assertThat(text).contains("TOKEN_EXPIRED").contains("\"correlationId\":\"expiring-socket-1\""));
	}

	@Test
	void aServerSentEventsSubscriptionEndsWithTokenExpiredNamingItsCorrelationId() {
		String token = TestTokens.token("camden", Role.TEAM_MANAGER, Duration.ofSeconds(2), "team-a");
		List<String> events = http().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.header("X-Request-Id", "expiring-stream-1")
			.bodyValue("{\"query\":\"subscription { deadlinesChanged { id } }\"}")
			.retrieve()
			.bodyToFlux(String.class)
			.collectList()
			.block(Duration.ofSeconds(20));
		assertThat(events).anySatisfy(
				data -> assertThat(data).contains("TOKEN_EXPIRED").contains("\"correlationId\":\"expiring-stream-1\""));
	}

	@Test
	void aTokenTakenWithinTheClockSkewPastItsExpiryEndsItsSubscriptionAtTheSkewNotAtOnce() {
		// Expired 2 s ago: still taken (the skew is 5 s), and honoured until the skew
		// runs
		// out, about 3 s from now, as the decoder would honour it.
		String token = TestTokens.token("camden", Role.TEAM_MANAGER, Duration.ofSeconds(-2), "team-a");
		long began = System.nanoTime();
		List<String> events = http().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.bodyValue("{\"query\":\"subscription { deadlinesChanged { id } }\"}")
			.retrieve()
			.bodyToFlux(String.class)
			.collectList()
			.block(Duration.ofSeconds(20));
		long millis = Duration.ofNanos(System.nanoTime() - began).toMillis();
		assertThat(events).anySatisfy(data -> assertThat(data).contains("TOKEN_EXPIRED"));
		assertThat(millis).as("ended when the skew ran out").isBetween(2_000L, 10_000L);
	}

	@Test
	void aSubscriptionOverServerSentEventsTakesItsTokenFromTheHeader() {
		Api api = new Api(tester);
		api.openPlan(api.addChild(api.createFamily("camden", "Sse"), "W", false), "AFTER_ASSESSMENT", "2026-09-01",
				"2026-10-01");
		String subscription = "{\"query\":\"subscription { deadlinesChanged(after: \\\"0\\\") { id } }\"}";
		String withToken = http().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.manager("camden")))
			.bodyValue(subscription)
			.retrieve()
			.bodyToFlux(String.class)
			.filter(data -> data.contains("deadlinesChanged"))
			.blockFirst(Duration.ofSeconds(20));
		assertThat(withToken).contains("\"id\"");
		int without = http().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(subscription)
			.exchangeToMono(r -> Mono.just(r.statusCode().value()))
			.block(Duration.ofSeconds(20));
		assertThat(without).isEqualTo(401);
	}

}
