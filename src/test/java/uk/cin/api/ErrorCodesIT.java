package uk.cin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;
import uk.cin.security.TestTokens;

/**
 * Every error a document, an argument or a variable can cause has a stable code (those
 * GraphQL clients know: GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT),
 * names where it is, quotes nothing the client sent (the text QUOTEME stands for a value
 * a client sent; names of fields and arguments are not values), and names the request's
 * correlation id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorCodesIT {

	@LocalServerPort
	int port;

	private static final String SENT = "QUOTEME";

	/**
	 * Each case: a document (and variables in JSON, or empty), the code, and the field
	 * path the error names.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', value = {
			"a syntax error | { plans { totalCount \"QUOTEME\" } } | | GRAPHQL_PARSE_FAILED |",
			"an unclosed string | { plans(filter: {authorityCode: \"QUOTEME }) { totalCount } } | | GRAPHQL_PARSE_FAILED |",
			"an unknown field | { plans { unknownField(first: \"QUOTEME\") } } | | GRAPHQL_VALIDATION_FAILED |",
			"an unknown argument | { plans(unknownArgument: \"QUOTEME\") { totalCount } } | | GRAPHQL_VALIDATION_FAILED |",
			"a missing required argument | { plan { id } } | | GRAPHQL_VALIDATION_FAILED |",
			"an unused variable | query($unused: String = \"QUOTEME\") { plans { totalCount } } | | GRAPHQL_VALIDATION_FAILED |",
			"a literal of the wrong type | { plans(first: \"QUOTEME\") { totalCount } } | | BAD_USER_INPUT | first",
			"an Int literal out of range | { plans(first: 98765432109) { totalCount } } | | BAD_USER_INPUT | first",
			"an unknown enum literal | { plans(filter: {status: QUOTEME}) { totalCount } } | | BAD_USER_INPUT | filter.status",
			"a missing required input field | mutation { createFamily(input: {authorityCode: \"QUOTEME\"}) { family { id } } } | | BAD_USER_INPUT | input",
			"an unknown input field | mutation { createFamily(input: {authorityCode: \"x\", name: \"QUOTEME\", QUOTEME: 1}) { family { id } } } | | BAD_USER_INPUT | input",
			"a null for a non-null argument | { plan(id: null) { id } } | | BAD_USER_INPUT | id",
			"a variable with an unknown field | mutation($in: CreateFamilyInput!) { createFamily(input: $in) { family { id } } } | {\"in\": {\"authorityCode\": \"camden\", \"name\": \"n\", \"QUOTEME\": \"QUOTEME\"}} | BAD_USER_INPUT | $in",
			"a variable missing a required field | mutation($in: CreateFamilyInput!) { createFamily(input: $in) { family { id } } } | {\"in\": {\"authorityCode\": \"QUOTEME\"}} | BAD_USER_INPUT | $in.name",
			"a variable field of the wrong type | mutation($in: CreateFamilyInput!) { createFamily(input: $in) { family { id } } } | {\"in\": {\"authorityCode\": \"camden\", \"name\": {\"QUOTEME\": \"QUOTEME\"}}} | BAD_USER_INPUT | $in.name",
			"a variable Int out of range | query($f: Int) { plans(first: $f) { totalCount } } | {\"f\": 98765432109} | BAD_USER_INPUT | $f",
			"a variable of an unknown enum value | query($s: PlanStatus) { plans(filter: {status: $s}) { totalCount } } | {\"s\": \"QUOTEME\"} | BAD_USER_INPUT | $s",
			"a missing required variable | query($id: ID!) { plan(id: $id) { id } } | {} | BAD_USER_INPUT | $id",
			"a nested list item of the wrong type | mutation($in: RecordMeetingInput!) { recordMeeting(input: $in) { meeting { id } } } | {\"in\": {\"planId\": \"p\", \"kind\": \"REVIEW\", \"heldOn\": \"2026-01-05\", \"chairRole\": \"SOCIAL_WORKER\", \"attendees\": [{\"name\": \"a\", \"role\": \"b\"}, {\"name\": [\"QUOTEME\"], \"role\": \"b\"}]}} | BAD_USER_INPUT | $in.attendees.1.name", })
	void anErrorHasACodeNamesWhereItIsAndQuotesNothing(String name, String document, String variables, String code,
			String field) {
		Map<String, Object> body = new HashMap<>();
		body.put("query", document.strip());
		if (variables != null) {
			body.put("variables", JsonMapper.builder().build().readValue(variables, Map.class));
		}
		String json = JsonMapper.builder().build().writeValueAsString(body);
		Map<String, Object> answer = RawGraphQl.camdenManager(port).postBody(json);
		assertThat(answer.get("data")).as("data").isNull();
		List<Map<String, Object>> errors = RawGraphQl.errors(answer);
		// graphql-java may report one mistake twice (a null for a non-null argument is
		// two rules' business).
		assertThat(errors).isNotEmpty();
		for (Map<String, Object> error : errors) {
			Map<String, Object> extensions = RawGraphQl.extensions(error);
			assertThat(extensions).containsEntry("code", code).containsKey("correlationId");
			assertThat((String) error.get("message")).doesNotContain(SENT)
				.doesNotContain("98765432109")
				.doesNotContain("Value{");
			if (field != null) {
				List<Object> expected = new ArrayList<>();
				for (String step : field.split("\\.")) {
					expected.add(step.matches("[0-9]+") ? Integer.valueOf(step) : step);
				}
				assertThat(extensions.get("field")).isEqualTo(expected);
			}
		}
	}

	@Test
	void theWordingIsTheSameWhateverLanguageTheClientAsksFor() {
		String answer = WebClient.create("http://localhost:" + port)
			.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.manager("camden")))
			.header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE, nl;q=0.8")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\": \"{ plans(first: \\\"QUOTEME\\\") { totalCount } }\"}")
			.retrieve()
			.bodyToMono(String.class)
			.block();
		assertThat(answer).contains("BAD_USER_INPUT", "argument 'first' is not a valid 'Int'").doesNotContain(SENT);
	}

}
