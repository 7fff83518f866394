package uk.cin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import uk.cin.localdb.TestDatabase;
import uk.cin.security.TestTokens;

/**
 * GraphQL over HTTP (the spec the graphql-http audit checks in CI), request by request:
 * which media type answers, and which status a failure gets under each. With
 * application/json every GraphQL response is a 200; with
 * application/graphql-response+json a request that cannot run is a 400 without data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class GraphQlOverHttpIT {

	private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

	record Answer(int status, String contentType, String body) {
	}

	@LocalServerPort
	int port;

	@Value("${spring.liquibase.url}")
	String jdbcUrl;

	private Answer send(HttpMethod method, String uri, String contentType, String accept, String body) {
		var request = WebClient.create("http://localhost:" + port)
			.method(method)
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.manager("camden")));
		if (contentType != null) {
			request = request.header(HttpHeaders.CONTENT_TYPE, contentType);
		}
		if (accept != null) {
			request = request.header(HttpHeaders.ACCEPT, accept);
		}
		var withBody = body == null ? request : request.bodyValue(body);
		return withBody
			.exchangeToMono(r -> r.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map(b -> new Answer(r.statusCode().value(),
						r.headers().contentType().map(MediaType::toString).orElse(""), b)))
			.block(Duration.ofSeconds(30));
	}

	private Answer post(String accept, String body) {
		return send(HttpMethod.POST, "/graphql", MediaType.APPLICATION_JSON_VALUE, accept, body);
	}

	@ParameterizedTest(name = "Accept: {0}")
	@CsvSource(nullValues = "none",
			value = { "application/json,                    application/json",
					"application/graphql-response+json,   application/graphql-response+json",
					"*/*,                                 application/json",
					"none,                                application/json", })
	void aQueryIsAnsweredInTheMediaTypeAsked(String accept, String answeredIn) {
		Answer answer = post(accept, "{\"query\":\"{ __typename }\"}");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(
				MediaType.parseMediaType(answer.contentType()).isCompatibleWith(MediaType.parseMediaType(answeredIn)))
			.as(answer.contentType())
			.isTrue();
		assertThat(answer.body()).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
	}

	@Test
	void nullVariablesOperationNameAndExtensionsAreAllowed() {
		Answer answer = post(MediaType.APPLICATION_JSON_VALUE,
				"{\"query\":\"query Q { __typename }\",\"variables\":null,\"operationName\":null,\"extensions\":null}");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
		Answer named = post(MediaType.APPLICATION_JSON_VALUE,
				"{\"query\":\"query Q { __typename }\",\"operationName\":\"Q\",\"variables\":{},\"extensions\":{}}");
		assertThat(named.body()).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
	}

	/**
	 * A document that does not parse, does not validate, or whose variables do not
	 * coerce.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "parse      | {\"query\":\"{\"}",
			"validation | {\"query\":\"{ noSuchField }\"}",
			"coercion   | {\"query\":\"query Q($id: ID!) { node(id: $id) { id } }\",\"variables\":{\"id\":null}}", })
	void aRequestThatCannotRunIs200UnderJsonAnd400WithoutDataUnderGraphQlResponseJson(String failure, String body) {
		Answer json = post(MediaType.APPLICATION_JSON_VALUE, body);
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.body()).contains("\"errors\"").doesNotContain("\"data\"");
		Answer graphQlResponse = post(GRAPHQL_RESPONSE, body);
		assertThat(graphQlResponse.status()).isEqualTo(400);
		assertThat(graphQlResponse.contentType()).startsWith(GRAPHQL_RESPONSE);
		assertThat(graphQlResponse.body()).contains("\"errors\"").doesNotContain("\"data\"");
	}

	/**
	 * An operationName that picks out no operation: refused before anything runs, with
	 * the code Apollo Server uses, as a GraphQL response without data (200 under
	 * application/json, 400 under application/graphql-response+json). The name is quoted
	 * only when it is a GraphQL name; QUOTEME stands for one that is not.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"an unknown name          | {\"query\":\"query A { __typename }\",\"operationName\":\"B\"}                 | no operation named 'B'",
			"two operations, no name  | {\"query\":\"query A { __typename } query B { __typename }\"}                 | more than one operation",
			"a name for an anonymous  | {\"query\":\"{ __typename }\",\"operationName\":\"B\"}                        | its only operation has none",
			"a number                 | {\"query\":\"query A { __typename }\",\"operationName\":5}                     | of the name given",
			"not a GraphQL name       | {\"query\":\"query A { __typename }\",\"operationName\":\"QUOTEME <b>\"}       | of the name given",
			"a mutation by wrong name | {\"query\":\"mutation M { __typename }\",\"operationName\":\"QUOTEME.M\"}      | of the name given", })
	void anOperationNameThatPicksOutNoOperationIsRefusedWithACode(String what, String body, String says) {
		for (String accept : new String[] { MediaType.APPLICATION_JSON_VALUE, GRAPHQL_RESPONSE }) {
			Answer answer = post(accept, body);
			assertThat(answer.status()).isEqualTo(accept.equals(GRAPHQL_RESPONSE) ? 400 : 200);
			assertThat(answer.contentType()).startsWith(accept);
			assertThat(answer.body()).contains("\"code\":\"OPERATION_RESOLUTION_FAILURE\"", "\"correlationId\"", says)
				.doesNotContain("\"data\"", "QUOTEME", "'5'");
		}
	}

	@Test
	void aNullOperationNameRunsTheOnlyOperation() {
		assertThat(post(MediaType.APPLICATION_JSON_VALUE,
				"{\"query\":\"query A { __typename }\"," + "\"operationName\":null}")
			.body()).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
	}

	/**
	 * A body that is no GraphQL request at all: 400 under either media type, still a
	 * GraphQL response with a code.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"an object operationName | {\"query\":\"query A { __typename }\",\"operationName\":{\"QUOTEME\":1}}",
			"a list operationName    | {\"query\":\"query A { __typename }\",\"operationName\":[\"QUOTEME\"]}",
			"a number for variables  | {\"query\":\"{ __typename }\",\"variables\":5}",
			"not JSON                | { \"QUOTEME", "no query                | {\"qeury\":\"QUOTEME\"}", })
	void aBodyThatIsNoGraphQlRequestIsAGraphQlErrorWithACode(String what, String body) {
		for (String accept : new String[] { MediaType.APPLICATION_JSON_VALUE, GRAPHQL_RESPONSE }) {
			Answer answer = post(accept, body);
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.contentType()).startsWith(accept);
			assertThat(answer.body()).startsWith("{\"errors\":[{\"message\":")
				.contains("\"code\":\"BAD_REQUEST\"", "\"correlationId\"")
				.doesNotContain("QUOTEME", "\"data\"");
		}
	}

	private long count(String sql) throws Exception {
		try (Connection owner = TestDatabase.start().superuser();
				Statement statement = owner.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/**
	 * A subscription sent as a plain POST was answered
	 * {"data":{"prefetch":0,"scanAvailable":true}}: the stream object itself, serialised.
	 * It is refused before anything runs, saying which transports carry subscriptions,
	 * and nothing is written.
	 */
	@Test
	void aSubscriptionSentAsAPlainPostIsRefusedAndNothingIsWritten() throws Exception {
		long audited = count("select count(*) from audit.audit_event");
		String subscription = "{\"query\":\"subscription { deadlinesChanged { id cause plan { isOverdue } } }\"}";
		for (String accept : new String[] { MediaType.APPLICATION_JSON_VALUE, GRAPHQL_RESPONSE, null }) {
			Answer answer = post(accept, subscription);
			assertThat(answer.status()).isEqualTo(GRAPHQL_RESPONSE.equals(accept) ? 400 : 200);
			assertThat(answer.body())
				.contains("\"code\":\"SUBSCRIPTION_NEEDS_STREAM\"", "WebSocket", "text/event-stream",
						"\"correlationId\"")
				.doesNotContain("\"data\"", "prefetch");
		}
		assertThat(count("select count(*) from audit.audit_event")).isEqualTo(audited);
	}

	/**
	 * The other way round: a mutation sent for server-sent events ran, and wrote, and was
	 * then answered that the SSE handler takes subscriptions only (without a code). It is
	 * refused before anything runs, as the stream's one event.
	 */
	@Test
	void aMutationSentForServerSentEventsIsRefusedAndWritesNothing() throws Exception {
		Answer answer = post(MediaType.TEXT_EVENT_STREAM_VALUE, "{\"query\":\"mutation { createFamily(input: "
				+ "{authorityCode: \\\"camden\\\", name: \\\"ViaEventStream\\\"}) { family { id } } }\"}");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).startsWith("event:next")
			.contains("\"code\":\"STREAM_NEEDS_SUBSCRIPTION\"", "\"correlationId\"", "event:complete");
		assertThat(count("select count(*) from family where name = 'ViaEventStream'")).isZero();
		// Any refusal over server-sent events is the stream's one event, with its code.
		Answer unknown = post(MediaType.TEXT_EVENT_STREAM_VALUE,
				"{\"query\":\"subscription S { deadlinesChanged " + "{ id } }\",\"operationName\":\"T\"}");
		assertThat(unknown.body()).startsWith("event:next")
			.contains("\"code\":\"OPERATION_RESOLUTION_FAILURE\"")
			.doesNotContain("SSE handler");
		Answer invalid = post(MediaType.TEXT_EVENT_STREAM_VALUE, "{\"query\":\"subscription { noSuchField }\"}");
		assertThat(invalid.body()).startsWith("event:next").contains("\"code\":\"GRAPHQL_VALIDATION_FAILED\"");
	}

	@Test
	void bodiesThatAreNoGraphQlRequestAre400() {
		assertThat(post(MediaType.APPLICATION_JSON_VALUE, "{ \"not JSON").status()).isEqualTo(400);
		assertThat(post(GRAPHQL_RESPONSE, "{ \"not JSON").status()).isEqualTo(400);
		assertThat(post(MediaType.APPLICATION_JSON_VALUE, "{\"qeury\":\"{ __typename }\"}").status()).isEqualTo(400);
		Answer empty = post(MediaType.APPLICATION_JSON_VALUE, null);
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("EMPTY_BODY");
	}

	@Test
	void anotherMethodIsAGraphQlErrorWithACode() {
		Answer put = send(HttpMethod.PUT, "/graphql", MediaType.APPLICATION_JSON_VALUE, null,
				"{\"query\":\"{ __typename }\"}");
		assertThat(put.status()).isEqualTo(404);
		assertThat(put.body()).contains("\"code\":\"NOT_FOUND\"", "Only POST runs operations", "\"correlationId\"");
	}

	@Test
	void onlyJsonPostsRun() {
		Answer noType = send(HttpMethod.POST, "/graphql", null, null, "{\"query\":\"{ __typename }\"}");
		assertThat(noType.status()).isEqualTo(415);
		Answer get = send(HttpMethod.GET, "/graphql?query=%7B__typename%7D", null, null, null);
		assertThat(get.status()).isEqualTo(405);
		Answer getMutation = send(HttpMethod.GET, "/graphql?query=mutation%7B__typename%7D", null, GRAPHQL_RESPONSE,
				null);
		assertThat(getMutation.status()).isEqualTo(405);
		assertThat(getMutation.body()).doesNotContain("data");
	}

}
