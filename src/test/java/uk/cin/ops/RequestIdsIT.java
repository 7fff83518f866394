package uk.cin.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.cin.api.RequestIds;
import uk.cin.security.TestTokens;

/**
 * Correlation ids: the caller's X-Request-Id is echoed (or one is made), is in every JSON
 * log line written while the request is served (whichever thread wrote it), and in the
 * GraphQL errors the client receives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@ExtendWith(OutputCaptureExtension.class)
class RequestIdsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private record Answer(int status, String requestId, String body) {
	}

	private Answer post(String requestId, String token, String body) {
		var request = WebClient.create("http://localhost:" + port)
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON);
		if (requestId != null) {
			request = request.header(RequestIds.HEADER, requestId);
		}
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
		}
		return request.bodyValue(body)
			.exchangeToMono(r -> r.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map(text -> new Answer(r.statusCode().value(), r.headers().asHttpHeaders().getFirst(RequestIds.HEADER),
						text)))
			.block(Duration.ofSeconds(30));
	}

	@Test
	void theCallersIdIsEchoedAndCarriedByEveryLogLineOfTheRequestAsJson(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		// Spring's R2DBC client logs each statement (its SQL text, never the values) on
		// the database's threads; the request line is logged as the response ends.
		logging.setLogLevel("org.springframework.r2dbc.core", LogLevel.DEBUG);
		logging.setLogLevel(RequestIds.class.getName(), LogLevel.DEBUG);
		String id = "caseload-" + UUID.randomUUID().toString().substring(0, 8);
		try {
			Answer answer = post(id, TestTokens.manager("camden"),
					"{\"query\":\"query Caseload { plans(first: 5) { edges { node { id nextReviewDue } } } }\"}");
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.requestId()).isEqualTo(id);
			assertThat(answer.body()).contains("\"plans\"").doesNotContain("errors");
			// The request's line is written as the exchange ends, a moment after the
			// client has its answer.
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> output.getOut().contains("POST /graphql answered 200"));
		}
		finally {
			logging.setLogLevel("org.springframework.r2dbc.core", null);
			logging.setLogLevel(RequestIds.class.getName(), null);
		}

		List<JsonNode> lines = jsonLines(output);
		List<JsonNode> ours = lines.stream()
			.filter(line -> id.equals(line.at("/http/request/id").asString(null)))
			.toList();
		// The transaction's set_config, then the page's query, sent when the first
		// statement's answer came back from the database: the id survived the round trip.
		assertThat(ours).filteredOn(line -> line.get("message").asString().contains("Executing SQL"))
			.extracting(line -> line.get("message").asString())
			.anySatisfy(message -> assertThat(message).contains("set_config('cin.authority'"))
			.anySatisfy(message -> assertThat(message).contains("from cin_plan"));
		assertThat(ours).anySatisfy(line -> {
			assertThat(line.get("message").asString()).contains("POST /graphql answered 200");
			assertThat(line.at("/log/logger").asString()).isEqualTo(RequestIds.class.getName());
			assertThat(line.at("/service/name").asString()).isEqualTo("cin-service");
		});
	}

	@Test
	void aMalformedOrMissingIdIsReplacedByANewOne() {
		for (String offered : new String[] { null, "has spaces", "x".repeat(65), "quote\"d", "" }) {
			Answer answer = post(offered, TestTokens.manager("camden"), "{\"query\":\"{ authorities { code } }\"}");
			assertThat(answer.requestId()).as(String.valueOf(offered)).isNotEqualTo(offered);
			assertThat(UUID.fromString(answer.requestId())).isNotNull();
		}
		assertThat(
				post("a.B_9-z", TestTokens.manager("camden"), "{\"query\":\"{ authorities { code } }\"}").requestId())
			.isEqualTo("a.B_9-z");
	}

	@Test
	void graphQlErrorsNameTheCorrelationIdAndRefusalsBeforeGraphQlCarryTheHeader() {
		Answer invalid = post("bad-node-1", TestTokens.manager("camden"),
				"{\"query\":\"query Lookup { node(id: \\\"zzz\\\") { id } }\"}");
		JsonNode error = JSON.readTree(invalid.body()).at("/errors/0");
		assertThat(error.at("/extensions/code").asString()).isEqualTo("INVALID_ID");
		assertThat(error.at("/extensions/correlationId").asString()).isEqualTo("bad-node-1");

		Answer validation = post("bad-field-1", TestTokens.manager("camden"), "{\"query\":\"{ nope }\"}");
		assertThat(JSON.readTree(validation.body()).at("/errors/0/extensions/correlationId").asString())
			.isEqualTo("bad-field-1");

		// Refused by Spring Security (no token) and by the request limits (a batch): the
		// header is there all the same.
		Answer unauthenticated = post("no-token-1", null, "{\"query\":\"{ authorities { code } }\"}");
		assertThat(unauthenticated.status()).isEqualTo(401);
		assertThat(unauthenticated.requestId()).isEqualTo("no-token-1");
		Answer batch = post("batch-1", TestTokens.manager("camden"), "[{\"query\":\"{ authorities { code } }\"}]");
		assertThat(batch.status()).isEqualTo(400);
		assertThat(batch.requestId()).isEqualTo("batch-1");
	}

	private static List<JsonNode> jsonLines(CapturedOutput output) {
		return output.getOut().lines().filter(line -> line.startsWith("{")).map(line -> {
			try {
				return JSON.readTree(line);
			}
			catch (RuntimeException e) {
				return null;
			}
		}).filter(node -> node != null && node.has("message")).toList();
	}

}
