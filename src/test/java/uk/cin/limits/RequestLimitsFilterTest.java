package uk.cin.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import uk.cin.config.Limits;

/** The filter hands each request on once, with its body intact, or answers it itself. */
class RequestLimitsFilterTest {

	private final RequestLimitsFilter filter = new RequestLimitsFilter(
			new Limits(12, 25_000, 10, 30, 10, 64, Duration.ofSeconds(15), 50));

	private final List<String> handed = new ArrayList<>();

	private final WebFilterChain chain = exchange -> DataBufferUtils.join(exchange.getRequest().getBody())
		.map(buffer -> buffer.toString(StandardCharsets.UTF_8))
		.defaultIfEmpty("")
		.doOnNext(handed::add)
		.then();

	private MockServerWebExchange post(String body, MediaType type) {
		return MockServerWebExchange.from(MockServerHttpRequest.post("/graphql").contentType(type).body(body));
	}

	@Test
	void aRequestIsHandedOnOnceWithItsBody() {
		filter.filter(post("{\"query\":\"{a}\"}", MediaType.APPLICATION_JSON), chain).block();
		assertThat(handed).containsExactly("{\"query\":\"{a}\"}");
	}

	@Test
	void anEmptyBodyIsRefusedHereWith400AndAReason() {
		// Spring for GraphQL's handler would answer it with an empty 200, which tells a
		// client nothing.
		var empty = post("", MediaType.APPLICATION_JSON);
		filter.filter(empty, chain).block();
		var blank = post(" \n ", MediaType.APPLICATION_JSON);
		filter.filter(blank, chain).block();
		assertThat(handed).isEmpty();
		for (var refused : List.of(empty, blank)) {
			assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
			assertThat(refused.getResponse().getBodyAsString().block())
				.isEqualTo("{\"errors\":[{\"message\":\"send the request in the body: a JSON object with a query\","
						+ "\"extensions\":{\"code\":\"EMPTY_BODY\"}}]}");
		}
	}

	@Test
	void batchesLargeBodiesAndFormsAreAnsweredHereAndNotHandedOn() {
		var batch = post("[{\"query\":\"{a}\"}]", MediaType.APPLICATION_JSON);
		filter.filter(batch, chain).block();
		var large = post("{\"query\":\"" + "a".repeat(100) + "\"}", MediaType.APPLICATION_JSON);
		filter.filter(large, chain).block();
		var form = post("query=%7Ba%7D", MediaType.APPLICATION_FORM_URLENCODED);
		filter.filter(form, chain).block();
		assertThat(handed).isEmpty();
		assertThat(batch.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(large.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(form.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(batch.getResponse().getBodyAsString().block()).contains("BATCH_NOT_SUPPORTED");
	}

}
