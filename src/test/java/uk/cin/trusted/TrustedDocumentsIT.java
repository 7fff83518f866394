package uk.cin.trusted;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.cin.security.Role;
import uk.cin.security.TestTokens;

/**
 * Trusted documents outside the local profile (the tests' profile): a registered document
 * runs by its id, in either form; an unknown id and text that disagrees with its id are
 * refused without running; the mobile client may send only registered documents, other
 * clients anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrustedDocumentsIT {

	static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
	static final Path REGISTRY = Path.of("src/main/resources/trusted-documents");

	record Answer(int status, Map<String, Object> body) {

		@SuppressWarnings("unchecked")
		Map<String, Object> data(String field) {
			assertThat(body.get("errors")).as("errors").isNull();
			return (Map<String, Object>) ((Map<String, Object>) body.get("data")).get(field);
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> onlyError() {
			assertThat(body).doesNotContainKey("data");
			List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
			assertThat(errors).hasSize(1);
			return errors.get(0);
		}

		@SuppressWarnings("unchecked")
		String code() {
			return (String) ((Map<String, Object>) onlyError().get("extensions")).get("code");
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	TrustedDocuments registry;

	@Autowired
	JsonMapper json;

	final String manager = TestTokens.manager("camden");

	final String mobile = TestTokens.clientToken("cin-mobile", false, "camden", Role.SOCIAL_WORKER, "team-a");

	Answer post(String token, String accept, Map<String, Object> body) {
		return post(token, accept, json.writeValueAsString(body));
	}

	Answer post(String token, String accept, String body) {
		return WebClient.create("http://localhost:" + port)
			.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.header(HttpHeaders.ACCEPT, accept)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchangeToMono(r -> r.bodyToMono(String.class)
				.defaultIfEmpty("{}")
				.map(b -> new Answer(r.statusCode().value(),
						json.readValue(b, new TypeReference<Map<String, Object>>() {
						}))))
			.block(Duration.ofSeconds(30));
	}

	String id(String operationName) {
		return registry.all()
			.stream()
			.filter(d -> d.operationName().equals(operationName))
			.findFirst()
			.orElseThrow()
			.id();
	}

	Map<String, Object> byId(String operationName, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("documentId", id(operationName));
		body.put("variables", variables);
		return body;
	}

	@SuppressWarnings("unchecked")
	String openPlan(String token) {
		String family = (String) ((Map<String, Object>) post(token, GRAPHQL_RESPONSE,
				byId("CreateFamily", Map.of("input", Map.of("authorityCode", "camden", "name", "Trusted"))))
			.data("createFamily")
			.get("family")).get("id");
		String child = (String) ((Map<String, Object>) post(token, GRAPHQL_RESPONSE,
				byId("AddChild",
						Map.of("input", Map.of("familyId", family, "givenName", "Tee", "familyName", "Trusted"))))
			.data("addChild")
			.get("child")).get("id");
		String referral = LocalDate.now().minusDays(20).toString();
		Map<String, Object> opened = post(token, GRAPHQL_RESPONSE, byId("OpenPlan", Map.of("input", Map.of("childId",
				child, "startReason", "AFTER_ASSESSMENT", "referralDate", referral, "triggerDate", referral))))
			.data("openPlan");
		assertThat((List<?>) opened.get("userErrors")).isEmpty();
		return (String) ((Map<String, Object>) opened.get("plan")).get("id");
	}

	@Test
	void theRegistryHashesAreTheSha256sumOfItsFiles() throws IOException, InterruptedException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(REGISTRY)) {
			files = walk.filter(p -> p.toString().endsWith(".graphql")).sorted().toList();
		}
		assertThat(files).isNotEmpty();
		List<String> command = new ArrayList<>(List.of("sha256sum"));
		files.forEach(f -> command.add(REGISTRY.relativize(f).toString()));
		Process sha256sum = new ProcessBuilder(command).directory(REGISTRY.toFile()).start();
		Map<String, String> expected = new String(sha256sum.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
			.lines()
			.map(line -> line.split("\\s+\\*?", 2))
			.collect(Collectors.toMap(parts -> parts[1], parts -> "sha256:" + parts[0]));
		assertThat(sha256sum.waitFor()).isZero();
		Map<String, String> registered = registry.all()
			.stream()
			.collect(Collectors.toMap(TrustedDocument::source, TrustedDocument::id));
		assertThat(registered).isEqualTo(expected);
	}

	@Test
	void aRegisteredDocumentRunsByItsId() {
		String plan = openPlan(manager);
		Answer visit = post(manager, GRAPHQL_RESPONSE, byId("RecordVisit", Map.of("input", Map.of("planId", plan,
				"visitedOn", LocalDate.now().minusDays(1).toString(), "childSeen", true, "seenAlone", false))));
		assertThat(visit.status()).isEqualTo(200);
		assertThat((List<?>) visit.data("recordVisit").get("userErrors")).isEmpty();

		Map<String, Object> read = post(manager, GRAPHQL_RESPONSE, byId("PlanVisits", Map.of("planId", plan)))
			.data("plan");
		assertThat(read.get("id")).isEqualTo(plan);
		assertThat((List<?>) read.get("visits")).singleElement()
			.isEqualTo(Map.of("visitedOn", LocalDate.now().minusDays(1).toString(), "childSeen", true, "seenAlone",
					false));

		// Apollo's form names the same document.
		Map<String, Object> apollo = Map.of("variables", Map.of("planId", plan), "extensions",
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", id("PlanVisits").substring(7))));
		assertThat(post(manager, GRAPHQL_RESPONSE, apollo).data("plan")).isEqualTo(read);
		// So does the registered text sent with its id.
		Map<String, Object> both = new HashMap<>(byId("PlanVisits", Map.of("planId", plan)));
		both.put("query", registry.find(id("PlanVisits")).orElseThrow().text());
		assertThat(post(manager, GRAPHQL_RESPONSE, both).data("plan")).isEqualTo(read);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theAuditNamesTheOperationOfADocumentSentById() {
		String plan = openPlan(manager);
		post(manager, GRAPHQL_RESPONSE, byId("PlanVisits", Map.of("planId", plan))).data("plan");
		String auditor = TestTokens.token("camden", Role.AUDITOR, Duration.ofHours(1), "team-a");
		Map<String, Object> events = post(auditor, GRAPHQL_RESPONSE,
				Map.of("query", "{ auditEvents(first: 20) { edges { node { action operation fields } } } }"))
			.data("auditEvents");
		assertThat((List<Map<String, Object>>) events.get("edges")).map(e -> (Map<String, Object>) e.get("node"))
			.anySatisfy(e -> {
				assertThat(e.get("action")).isEqualTo("READ");
				assertThat(e.get("operation")).isEqualTo("PlanVisits");
				assertThat((List<String>) e.get("fields")).contains("CinPlan.visits");
			});
	}

	@Test
	void anUnknownIdIsRefusedWithoutSayingMore() {
		String unknown = TrustedDocuments.idOf("query Unknown { authorities { code } }");
		Answer strict = post(manager, GRAPHQL_RESPONSE, Map.of("documentId", unknown));
		assertThat(strict.status()).isEqualTo(400);
		assertThat(strict.code()).isEqualTo("DOCUMENT_NOT_FOUND");
		assertThat((String) strict.onlyError().get("message")).doesNotContain(unknown.substring(7));

		// The traditional media type answers 200, as GraphQL over HTTP says.
		Answer legacy = post(manager, MediaType.APPLICATION_JSON_VALUE, Map.of("documentId", unknown));
		assertThat(legacy.status()).isEqualTo(200);
		assertThat(legacy.code()).isEqualTo("DOCUMENT_NOT_FOUND");

		for (Object malformed : List.of("sha256:" + "A".repeat(64), "md5:0123", "plain", 42)) {
			assertThat(post(manager, GRAPHQL_RESPONSE, Map.of("documentId", malformed)).code()).as("%s", malformed)
				.isEqualTo("DOCUMENT_NOT_FOUND");
		}
		// Apollo's form is answered in Apollo's words, for Apollo Client to send the text
		// (ApolloPersistedQueriesIT).
		assertThat(post(manager, GRAPHQL_RESPONSE,
				Map.of("extensions",
						Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", unknown.substring(7)))))
			.code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	@SuppressWarnings("unchecked")
	void textThatIsNotTheDocumentItsIdNamesIsRefusedAndNothingRuns() {
		String family = (String) ((Map<String, Object>) post(manager, GRAPHQL_RESPONSE,
				byId("CreateFamily", Map.of("input", Map.of("authorityCode", "camden", "name", "Mismatch"))))
			.data("createFamily")
			.get("family")).get("id");
		// A write sent with the id of a read: had it run, the family would have a child.
		Map<String, Object> body = new HashMap<>(byId("PlanVisits", Map.of("f", family)));
		body.put("query", "mutation($f: ID!) { addChild(input: {familyId: $f, givenName: \"A\", familyName: \"B\"})"
				+ " { child { id } } }");
		Answer answer = post(manager, GRAPHQL_RESPONSE, body);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("DOCUMENT_ID_MISMATCH");
		assertThat(post(manager, GRAPHQL_RESPONSE, Map.of("query",
				"query($f: ID!) { family(id: $f) { children " + "{ id } } }", "variables", Map.of("f", family)))
			.data("family")).isEqualTo(Map.of("children", List.of()));

		Map<String, Object> twoIds = new HashMap<>(byId("PlanVisits", Map.of()));
		twoIds.put("extensions",
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", id("MyCaseload").substring(7))));
		assertThat(post(manager, GRAPHQL_RESPONSE, twoIds).code()).isEqualTo("DOCUMENT_ID_MISMATCH");
	}

	@Test
	void theMobileClientMaySendOnlyRegisteredDocuments() {
		Answer text = post(mobile, GRAPHQL_RESPONSE, Map.of("query", "{ authorities { code } }"));
		assertThat(text.status()).isEqualTo(400);
		assertThat(text.code()).isEqualTo("TRUSTED_DOCUMENT_REQUIRED");
		// client_id names the client where a token has no azp.
		String byClientId = TestTokens.clientToken("cin-mobile", true, "camden", Role.SOCIAL_WORKER, "team-a");
		assertThat(post(byClientId, GRAPHQL_RESPONSE, Map.of("query", "{ authorities { code } }")).code())
			.isEqualTo("TRUSTED_DOCUMENT_REQUIRED");

		// By id it works, and so does the registered text itself.
		String plan = openPlan(mobile);
		assertThat(post(mobile, GRAPHQL_RESPONSE, byId("PlanVisits", Map.of("planId", plan))).data("plan"))
			.containsEntry("id", plan);
		String registered = registry.find(id("PlanVisits")).orElseThrow().text();
		assertThat(post(mobile, GRAPHQL_RESPONSE, Map.of("query", registered, "variables", Map.of("planId", plan)))
			.data("plan")).containsEntry("id", plan);
		// The registered text with a change of whitespace is another document.
		assertThat(
				post(mobile, GRAPHQL_RESPONSE, Map.of("query", registered.strip(), "variables", Map.of("planId", plan)))
					.code())
			.isEqualTo("TRUSTED_DOCUMENT_REQUIRED");
	}

	@Test
	void overAWebSocketTheMobileClientMaySendOnlyRegisteredText() {
		String plan = openPlan(mobile);
		WebSocketGraphQlClient socket = WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + port + "/graphql"), new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", TestTokens.bearer(mobile)));
				}
			})
			.build();
		try {
			ClientGraphQlResponse text = socket.document("{ authorities { code } }")
				.execute()
				.block(Duration.ofSeconds(20));
			assertThat(text.getErrors()).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "TRUSTED_DOCUMENT_REQUIRED"));
			ClientGraphQlResponse registered = socket.document(registry.find(id("PlanVisits")).orElseThrow().text())
				.variable("planId", plan)
				.execute()
				.block(Duration.ofSeconds(20));
			assertThat(registered.getErrors()).isEmpty();
			assertThat((Object) registered.field("plan.id").getValue()).isEqualTo(plan);
		}
		finally {
			socket.stop().block();
		}
	}

	@Test
	void otherClientsMaySendText() {
		String portal = TestTokens.clientToken("cin-portal", false, "camden", Role.TEAM_MANAGER, "team-a");
		for (String token : List.of(portal, manager)) {
			Answer answer = post(token, GRAPHQL_RESPONSE, Map.of("query", "{ authorities { code } }"));
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.body().toString()).contains("camden");
			assertThat(answer.body()).doesNotContainKey("errors");
		}
	}

	@Test
	void theRequestLimitsHoldForRequestsById() {
		String batch = "[" + json.writeValueAsString(Map.of("documentId", id("MyCaseload"))) + "]";
		Answer answer = post(manager, GRAPHQL_RESPONSE, batch);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("BATCH_NOT_SUPPORTED");
		// A document by id is still held to the limits on what it asks.
		Answer tooMany = post(manager, GRAPHQL_RESPONSE, byId("MyCaseload", Map.of("first", 1_000_000)));
		assertThat(tooMany.code()).isEqualTo("MAX_COST");
	}

}
