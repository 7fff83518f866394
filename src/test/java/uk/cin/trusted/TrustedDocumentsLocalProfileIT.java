package uk.cin.trusted;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * In the local profile the mobile client may send text, so that developers can try things
 * out; ids still work. Its token comes from /local/token, whose "client" becomes the azp
 * claim.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cin.demo-data=false")
@ActiveProfiles("local")
class TrustedDocumentsLocalProfileIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	TrustedDocuments registry;

	Map<String, Object> post(String path, String token, Object body) {
		WebClient.RequestBodySpec request = WebClient.create("http://localhost:" + port)
			.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.parseMediaType("application/graphql-response+json"));
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.bodyValue(json.writeValueAsString(body))
			.retrieve()
			.bodyToMono(String.class)
			.map(b -> json.readValue(b, new TypeReference<Map<String, Object>>() {
			}))
			.block(Duration.ofSeconds(30));
	}

	@Test
	void theMobileClientMaySendTextInTheLocalProfile() {
		String token = (String) post("/local/token", null, Map.of("authority", "camden", "teams", List.of("team-a"),
				"role", "SOCIAL_WORKER", "client", "cin-mobile"))
			.get("token");
		Map<String, Object> claims = json.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
				new TypeReference<Map<String, Object>>() {
				});
		assertThat(claims).containsEntry("azp", "cin-mobile");

		Map<String, Object> text = post("/graphql", token, Map.of("query", "{ authorities { code } }"));
		assertThat(text).doesNotContainKey("errors");
		assertThat(text.toString()).contains("camden");

		String caseload = registry.all()
			.stream()
			.filter(d -> d.operationName().equals("MyCaseload"))
			.findFirst()
			.orElseThrow()
			.id();
		Map<String, Object> byId = post("/graphql", token, Map.of("documentId", caseload));
		assertThat(byId).doesNotContainKey("errors").containsKey("data");
		assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
			.contains("\"role\":\"SOCIAL_WORKER\"");
	}

	@Test
	void aClientThatIsNotAPrintableIdIsRefusedByTheTokenEndpoint() {
		int status = WebClient.create("http://localhost:" + port)
			.post()
			.uri("/local/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json.writeValueAsString(Map.of("authority", "camden", "teams", List.of("team-a"), "role",
					"SOCIAL_WORKER", "client", "cin mobile")))
			.exchangeToMono(r -> Mono.just(r.statusCode().value()))
			.block(Duration.ofSeconds(30));
		assertThat(status).isEqualTo(400);
	}

}
