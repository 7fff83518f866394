package uk.cin.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import uk.cin.config.CinProperties;

/**
 * The local profile signs its own tokens, with a key made at start-up (so tokens do not
 * outlive the process): {@code POST /local/token} with {@code {"authority": "camden",
 * "teams": ["team-a"], "role": "TEAM_MANAGER"}} returns {@code {"token": "..."}}.
 * Optional: {@code subject} (default local-user), {@code expiresInSeconds} (default 8
 * hours) and {@code client}, the application the token is for (its {@code azp} claim,
 * e.g. cin-mobile). Outside the local profile the endpoint does not exist.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class LocalTokens {

	public static final String PATH = "/local/token";
	static final String ISSUER = "cin-local";

	private static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

	private static final long LONGEST_LIFETIME_SECONDS = Duration.ofDays(7).toSeconds();

	/** What a caller asks a token for. */
	public record TokenRequest(String authority, List<String> teams, String role, String subject, Long expiresInSeconds,
			String client) {
	}

	private final RSAKey key = generate();

	private static RSAKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID("cin-local")
				.build();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("RSA is not available", e);
		}
	}

	/**
	 * The local profile's tokens, checked as any others: times with the same small skew,
	 * issuer, audience.
	 */
	@Bean
	ReactiveJwtDecoder localJwtDecoder(CinProperties properties, Clock clock) throws JOSEException {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(key.toRSAPublicKey())
			.signatureAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(
				TokenValidation.all(properties.security().clockSkew(), clock, ISSUER, TokenValidation.LOCAL_AUDIENCE));
		return decoder;
	}

	@Bean
	RouterFunction<ServerResponse> localTokenEndpoint(Callers callers, Clock clock) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		return RouterFunctions.route().POST(PATH, request -> issue(request, callers, encoder, clock)).build();
	}

	private static Mono<ServerResponse> issue(ServerRequest request, Callers callers, NimbusJwtEncoder encoder,
			Clock clock) {
		return request.bodyToMono(TokenRequest.class).flatMap(asked -> {
			String subject = asked.subject() == null ? "local-user" : asked.subject();
			long seconds = asked.expiresInSeconds() == null ? DEFAULT_LIFETIME.toSeconds() : asked.expiresInSeconds();
			if (seconds < 1 || seconds > LONGEST_LIFETIME_SECONDS) {
				return refuse("expiresInSeconds must be between 1 and " + LONGEST_LIFETIME_SECONDS);
			}
			Instant now = clock.instant();
			Caller caller;
			try {
				caller = callers.caller(subject, asked.authority(), asked.teams(), asked.role(),
						now.plusSeconds(seconds), asked.client());
			}
			catch (IllegalArgumentException e) {
				return refuse(e.getMessage().replace("the token's ", "").replace("the token needs", "give"));
			}
			JwtClaimsSet claims = JwtClaimsSet.builder()
				.issuer(ISSUER)
				.subject(caller.subject())
				.audience(List.of(TokenValidation.LOCAL_AUDIENCE))
				.issuedAt(now)
				.expiresAt(caller.expiresAt())
				.claim(Callers.AUTHORITY, caller.authority())
				.claim(Callers.TEAMS, List.copyOf(caller.teams()))
				.claim(Callers.ROLE, caller.role().name())
				.claims(c -> {
					if (caller.client() != null) {
						c.put(Callers.AUTHORIZED_PARTY, caller.client());
					}
				})
				.build();
			String token = encoder
				.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
				.getTokenValue();
			return ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("token", token, "expiresAt", caller.expiresAt().toString()));
		})
			.switchIfEmpty(Mono
				.defer(() -> refuse("send a JSON body: {\"authority\": ..., \"teams\": [...], " + "\"role\": ...}")))
			.onErrorResume(ServerWebInputException.class,
					e -> refuse("the body must be JSON: {\"authority\": ..., \"teams\": [...], \"role\": ...}"));
	}

	private static Mono<ServerResponse> refuse(String message) {
		return ServerResponse.status(HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("error", message));
	}

}
