package uk.cin.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import uk.cin.config.CinProperties;

/**
 * Every request needs a bearer token but health, metrics, the GraphiQL page, the local
 * profile's token endpoint and the WebSocket upgrade (whose token comes in
 * connection_init and is checked there). Other origins' pages may call it only where
 * cin.cors.allowed-origins lists them ({@link CrossOrigin}). No sessions, no cookies:
 * each request stands on its token, so there is no CSRF token either; cross-site form
 * posts are refused by content type (see RequestLimits).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {

	@Bean
	SecurityWebFilterChain api(ServerHttpSecurity http, ObjectProvider<ReactiveJwtDecoder> decoders, Callers callers,
			Environment environment, CinProperties properties, Clock clock) {
		TokenValidation.requireIssuerAndAudience(environment);
		ReactiveJwtDecoder decoder = new VerifiedTokens(decoders.getIfAvailable(() -> {
			throw new IllegalStateException("No token issuer configured: set spring.security.oauth2.resourceserver"
					+ ".jwt.issuer-uri (or jwk-set-uri) to your identity provider, or run without a configured "
					+ "database for the local profile, which signs its own tokens");
		}), properties.security().clockSkew(), clock);
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			// Before authentication: a preflight carries no token.
			.cors(cors -> cors.configurationSource(CrossOrigin.source(properties.cors(), environment)))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange(
					exchanges -> exchanges.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
						.permitAll()
						// Aggregate figures with bounded labels, no personal data:
						// scraped without a token (README, Operations).
						.pathMatchers(HttpMethod.GET, "/actuator/prometheus")
						.permitAll()
						.pathMatchers(HttpMethod.GET, "/graphiql", "/graphiql/**")
						.permitAll()
						.pathMatchers(HttpMethod.POST, LocalTokens.PATH)
						.permitAll()
						.matchers(SecurityConfig::webSocketUpgrade)
						.permitAll()
						.anyExchange()
						.authenticated())
			.oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthenticated())
				.jwt(jwt -> jwt.jwtDecoder(decoder)
					.jwtAuthenticationConverter(token -> callers.fromJwt(token).map(CallerToken::new))))
			.build();
	}

	private static Mono<MatchResult> webSocketUpgrade(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		boolean upgrade = exchange.getRequest().getMethod() == HttpMethod.GET
				&& "websocket".equalsIgnoreCase(headers.getUpgrade());
		return upgrade ? MatchResult.match() : MatchResult.notMatch();
	}

	/**
	 * 401 with a GraphQL-shaped body a client can show, and the standard WWW-Authenticate
	 * header.
	 */
	private static ServerAuthenticationEntryPoint unauthenticated() {
		return (exchange, failure) -> {
			var response = exchange.getResponse();
			response.setStatusCode(HttpStatus.UNAUTHORIZED);
			boolean presented = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
			response.getHeaders()
				.set(HttpHeaders.WWW_AUTHENTICATE, presented ? "Bearer error=\"invalid_token\"" : "Bearer");
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			String message = presented
					? "The bearer token is not valid (signature, expiry or claims); ask for a new one"
					: "Send a bearer token: Authorization: Bearer <token>";
			String body = "{\"errors\":[{\"message\":\"" + message
					+ "\",\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}";
			DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
			return response.writeWith(Mono.just(buffer));
		};
	}

}
