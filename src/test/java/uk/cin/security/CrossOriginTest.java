package uk.cin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import uk.cin.config.CinProperties;

/**
 * The CORS settings without a server: none allowed by default, and Spring for GraphQL's
 * own CORS settings refused at start.
 */
class CrossOriginTest {

	private static boolean allowed(CorsConfigurationSource source, String origin) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post("http://cin.example/graphql").header(HttpHeaders.ORIGIN, origin));
		boolean valid = new DefaultCorsProcessor().process(source.getCorsConfiguration(exchange), exchange);
		if (!valid) {
			assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		}
		return valid && origin.equals(exchange.getResponse().getHeaders().getAccessControlAllowOrigin());
	}

	@Test
	void byDefaultNoOtherOriginIsAllowed() {
		CorsConfigurationSource source = CrossOrigin.source(CinProperties.defaults().cors(), new MockEnvironment());
		assertThat(allowed(source, "http://portal.example")).isFalse();
	}

	@Test
	void listedOriginsAreAllowedExactly() {
		CorsConfigurationSource source = CrossOrigin
			.source(new CinProperties.Cors(List.of(" http://portal.example ", "")), new MockEnvironment());
		assertThat(allowed(source, "http://portal.example")).isTrue();
		assertThat(allowed(source, "https://portal.example")).isFalse();
		assertThat(allowed(source, "http://portal.example:8080")).isFalse();
	}

	@Test
	void springGraphQlsCorsSettingStopsTheStartNamingTheOneToUse() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.graphql.cors.allowed-origins",
				"http://portal.example");
		assertThatThrownBy(() -> CrossOrigin.source(CinProperties.defaults().cors(), environment))
			.hasMessageContaining("cin.cors.allowed-origins");
	}

}
