package uk.cin.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.cin.security.TestTokens;

/**
 * GraphQL requests as a client sends them, answered as the JSON it receives (maps and
 * lists): for tests that look at errors, which the GraphQlTester treats as failures.
 */
public final class RawGraphQl {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebClient client;

	private final String bearer;

	public RawGraphQl(int port, String token) {
		this.client = WebClient.create("http://localhost:" + port);
		this.bearer = TestTokens.bearer(token);
	}

	/** A client of the service at this port, as a camden TEAM_MANAGER. */
	public static RawGraphQl camdenManager(int port) {
		return new RawGraphQl(port, TestTokens.manager("camden"));
	}

	public Map<String, Object> post(String query, Map<String, Object> variables) {
		Map<String, Object> body = new HashMap<>();
		body.put("query", query);
		if (variables != null) {
			body.put("variables", variables);
		}
		return postBody(JSON.writeValueAsString(body));
	}

	/** Sends this exact body. */
	public Map<String, Object> postBody(String body) {
		String answer = client.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(30));
		return JSON.readValue(answer, new TypeReference<Map<String, Object>>() {
		});
	}

	@SuppressWarnings("unchecked")
	public static List<Map<String, Object>> errors(Map<String, Object> answer) {
		Object errors = answer.get("errors");
		return errors == null ? List.of() : (List<Map<String, Object>>) errors;
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> extensions(Map<String, Object> error) {
		Object extensions = error.get("extensions");
		return extensions == null ? Map.of() : (Map<String, Object>) extensions;
	}

}
