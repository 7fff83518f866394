package uk.cin.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import uk.cin.config.CinProperties;
import uk.cin.localdb.LocalDatabaseEnvironmentPostProcessor;

/**
 * What a bearer token must be besides well signed, whichever way its keys come (an
 * issuer's discovery document, a JWK set, a public key file, the local profile's own
 * key): unexpired, within a small clock skew, with an expiry at all (a token without one
 * would never end), from the configured issuer and for the configured audience. Spring
 * Boot's decoder takes the validators declared here alongside its own (issuer-uri,
 * audiences); outside the local profile the service does not start without an issuer and
 * an audience to check.
 */
@Configuration(proxyBeanMethods = false)
public class TokenValidation {

	/** The audience of the local profile's own tokens. */
	public static final String LOCAL_AUDIENCE = "cin-service";

	@Bean
	OAuth2TokenValidator<Jwt> tokenTimes(CinProperties properties, Clock clock) {
		Duration skew = properties.security().clockSkew();
		JwtTimestampValidator times = new JwtTimestampValidator(skew);
		times.setClock(clock);
		return times;
	}

	@Bean
	OAuth2TokenValidator<Jwt> tokenExpiry() {
		return new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull);
	}

	/**
	 * The issuer to check where keys come from a file or a JWK set, without an issuer-uri
	 * (which checks it).
	 */
	@Bean
	@ConditionalOnProperty("cin.security.token-issuer")
	OAuth2TokenValidator<Jwt> tokenIssuer(CinProperties properties) {
		return new JwtIssuerValidator(properties.security().tokenIssuer());
	}

	/**
	 * Outside the local profile, refuses to start unless tokens are checked for an issuer
	 * and an audience: a token the identity provider issued to another application must
	 * not open this one.
	 */
	static void requireIssuerAndAudience(Environment environment) {
		if (environment.matchesProfiles(LocalDatabaseEnvironmentPostProcessor.LOCAL_PROFILE)) {
			return;
		}
		String issuer = environment.getProperty("cin.security.token-issuer");
		String issuerUri = environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri");
		String audiences = environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences");
		if (isBlank(issuer) && isBlank(issuerUri) || isBlank(audiences)) {
			throw new IllegalStateException("Tokens must be checked for their issuer and audience: set "
					+ "spring.security.oauth2.resourceserver.jwt.issuer-uri (or cin.security.token-issuer where keys "
					+ "come from a JWK set or a key file) and spring.security.oauth2.resourceserver.jwt.audiences");
		}
	}

	/**
	 * Every validator of this class, with an issuer and an audience: for a decoder built
	 * by hand.
	 */
	static OAuth2TokenValidator<Jwt> all(Duration skew, Clock clock, String issuer, String audience) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		JwtTimestampValidator times = new JwtTimestampValidator(skew);
		times.setClock(clock);
		validators.add(times);
		validators.add(new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull));
		validators.add(new JwtIssuerValidator(issuer));
		validators
			.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
