package uk.cin.trusted;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.cin.security.Role;
import uk.cin.security.TestTokens;

/**
 * Apollo Client's automatic persisted queries, as Apollo Client sends them: the hash
 * alone first; on PERSISTED_QUERY_NOT_FOUND the same request with the text. The text then
 * runs if the hash is its SHA-256 and the client is not held to registered documents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApolloPersistedQueriesIT {

	private static final String APOLLO_ACCEPT = "application/graphql-response+json,application/json;q=0.9";

	private static final String QUERY = "query Authorities { authorities { code } }";

	record Answer(int status, Map<String, Object> body) {

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
	JsonMapper json;

	final String manager = TestTokens.manager("camden");

	final String mobile = TestTokens.clientToken("cin-mobile", false, "camden", Role.SOCIAL_WORKER, "team-a");

	Answer post(String token, String accept, String hash, String query) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (query != null) {
			body.put("query", query);
		}
		body.put("operationName", "Authorities");
		body.put("variables", Map.of());
		body.put("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
		return WebClient.create("http://localhost:" + port)
			.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.header(HttpHeaders.ACCEPT, accept)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json.writeValueAsString(body))
			.exchangeToMono(r -> r.bodyToMono(String.class)
				.defaultIfEmpty("{}")
				.map(b -> new Answer(r.statusCode().value(),
						json.readValue(b, new TypeReference<Map<String, Object>>() {
						}))))
			.block(Duration.ofSeconds(30));
	}

	static String hashOf(String text) {
		return TrustedDocuments.idOf(text).substring(TrustedDocuments.ID_PREFIX.length());
	}

	@Test
	void anUnknownHashIsNotFoundInApollosWordsThenTheTextWithItsHashRuns() {
		String hash = hashOf(QUERY);
		for (String accept : List.of(APOLLO_ACCEPT, MediaType.APPLICATION_JSON_VALUE)) {
			Answer first = post(manager, accept, hash, null);
			assertThat(first.code()).as(accept).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
			assertThat(first.onlyError().get("message")).isEqualTo("PersistedQueryNotFound");
			assertThat(first.body().toString()).doesNotContain(hash);

			Answer second = post(manager, accept, hash, QUERY);
			assertThat(second.status()).isEqualTo(200);
			assertThat(second.body()).doesNotContainKey("errors");
			assertThat(second.body().get("data").toString()).contains("camden");
		}
	}

	@Test
	void textWhoseHashIsNotTheOneSentIsRefusedAndDoesNotRun() {
		String mutation = "mutation Authorities { createFamily(input: {authorityCode: \"camden\", name: \"Apq\"}) "
				+ "{ family { id } } }";
		Answer answer = post(manager, APOLLO_ACCEPT, hashOf(QUERY), mutation);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("DOCUMENT_ID_MISMATCH");
		// A hash in upper case, or of the wrong length, is no text's hash either.
		assertThat(post(manager, APOLLO_ACCEPT, hashOf(QUERY).toUpperCase(), QUERY).code())
			.isEqualTo("DOCUMENT_ID_MISMATCH");
		assertThat(post(manager, APOLLO_ACCEPT, "abc", QUERY).code()).isEqualTo("DOCUMENT_ID_MISMATCH");
	}

	@Test
	void aClientHeldToRegisteredDocumentsIsStillRefusedItsText() {
		String hash = hashOf(QUERY);
		assertThat(post(mobile, APOLLO_ACCEPT, hash, null).code()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		Answer text = post(mobile, APOLLO_ACCEPT, hash, QUERY);
		assertThat(text.status()).isEqualTo(400);
		assertThat(text.code()).isEqualTo("TRUSTED_DOCUMENT_REQUIRED");
	}

}
