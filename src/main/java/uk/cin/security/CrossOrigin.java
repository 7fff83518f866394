package uk.cin.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import uk.cin.api.RequestIds;
import uk.cin.config.CinProperties;

/**
 * Which other origins' pages may call the API: {@code cin.cors.allowed-origins}, none by
 * default. It applies, ahead of authentication, to {@code /graphql} (a POST, its
 * preflight, an SSE stream, and the WebSocket handshake, whose Origin is checked like any
 * other request's) and to the local profile's {@code /local/token}. A request whose
 * Origin is neither the service's own nor listed is refused with 403, a preflight
 * included; a listed one gets the CORS headers (no credentials: the token travels in the
 * Authorization header or connection_init, never in a cookie).
 */
final class CrossOrigin {

	/** Browsers may keep a preflight's answer this long. */
	private static final Duration PREFLIGHT_MAX_AGE = Duration.ofHours(1);

	private CrossOrigin() {
	}

	static CorsConfigurationSource source(CinProperties.Cors settings, Environment environment) {
		refuseSpringGraphQlCors(environment);
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(settings.allowedOrigins());
		configuration.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name()));
		configuration.setAllowedHeaders(List.of(CorsConfiguration.ALL));
		configuration.setExposedHeaders(List.of(RequestIds.HEADER, HttpHeaders.WWW_AUTHENTICATE));
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(PREFLIGHT_MAX_AGE);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/graphql", configuration);
		source.registerCorsConfiguration(LocalTokens.PATH, configuration);
		return source;
	}

	/**
	 * Spring for GraphQL's own CORS settings would apply behind Spring Security, where a
	 * preflight never reaches them: one setting decides, so a start that sets them stops,
	 * naming the one to use.
	 */
	private static void refuseSpringGraphQlCors(Environment environment) {
		Binder binder = Binder.get(environment);
		for (String name : List.of("allowed-origins", "allowed-origin-patterns")) {
			String property = "spring.graphql.cors." + name;
			if (binder.bind(property, Bindable.listOf(String.class)).map(list -> !list.isEmpty()).orElse(false)) {
				throw new IllegalStateException(property + " is not used: the origins allowed to call the API are "
						+ "cin.cors.allowed-origins (CIN_CORS_ALLOWED_ORIGINS), which covers HTTP, SSE and WebSockets");
			}
		}
	}

}
