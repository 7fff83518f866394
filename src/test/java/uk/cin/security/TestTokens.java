package uk.cin.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Tokens as an identity provider would issue them: signed with the test key whose public
 * half the test configuration names
 * (spring.security.oauth2.resourceserver.jwt.public-key-location).
 */
public final class TestTokens {

	private static final NimbusJwtEncoder ENCODER = encoder();

	private static final RSAKey PUBLIC_KEY = publicKey();

	/**
	 * The issuer and audience the test configuration checks
	 * (src/test/resources/config/application.yml).
	 */
	public static final String ISSUER = "test";

	public static final String AUDIENCE = "cin-service";

	private TestTokens() {
	}

	/**
	 * A manager of the authority, in team-a: sees and writes everything of that
	 * authority.
	 */
	public static String manager(String authority) {
		return token(authority, Role.TEAM_MANAGER, Duration.ofHours(1), "team-a");
	}

	public static String token(String authority, Role role, Duration lifetime, String... teams) {
		return token("test-" + role.name().toLowerCase(), authority, role.name(), lifetime, List.of(teams));
	}

	/** Any claims, valid or not, signed with the test key. */
	public static String token(String subject, String authority, String role, Duration lifetime, List<String> teams) {
		Instant now = Instant.now();
		Instant expires = now.plus(lifetime);
		// An already expired token was issued before it expired.
		Instant issued = expires.isAfter(now) ? now : expires.minus(Duration.ofHours(1));
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.audience(List.of(AUDIENCE))
			.subject(subject)
			.issuedAt(issued)
			.expiresAt(expires)
			.claim(Callers.TEAMS, teams);
		if (authority != null) {
			claims.claim(Callers.AUTHORITY, authority);
		}
		if (role != null) {
			claims.claim(Callers.ROLE, role);
		}
		return ENCODER
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
			.getTokenValue();
	}

	/**
	 * A token issued to a client application: its azp claim (or, with clientIdClaim,
	 * client_id) names it.
	 */
	public static String clientToken(String client, boolean clientIdClaim, String authority, Role role,
			String... teams) {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.audience(List.of(AUDIENCE))
			.subject("test-" + role.name().toLowerCase())
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofHours(1)))
			.claim(Callers.TEAMS, List.of(teams))
			.claim(Callers.AUTHORITY, authority)
			.claim(Callers.ROLE, role.name())
			.claim(clientIdClaim ? Callers.CLIENT_ID : Callers.AUTHORIZED_PARTY, client)
			.build();
		return ENCODER.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
	}

	/**
	 * The caller a manager's token of this authority names, for calling controllers
	 * directly.
	 */
	public static Caller managerCaller(String authority) {
		return new Caller("test-team_manager", authority, Set.of("team-a"), Role.TEAM_MANAGER,
				Instant.now().plus(Duration.ofHours(1)));
	}

	/**
	 * A token with exactly these claims (none added), signed with the test key: for
	 * tokens that must be refused.
	 */
	public static String signed(Consumer<JwtClaimsSet.Builder> claims) {
		JwtClaimsSet.Builder builder = JwtClaimsSet.builder();
		claims.accept(builder);
		return ENCODER
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), builder.build()))
			.getTokenValue();
	}

	/**
	 * A camden manager's good token, changed as given (a claim removed or another value),
	 * for tokens that must be refused for one reason.
	 */
	public static String changed(Consumer<JwtClaimsSet.Builder> change) {
		Instant now = Instant.now();
		return signed(c -> {
			c.issuer(ISSUER)
				.audience(List.of(AUDIENCE))
				.subject("token-test")
				.issuedAt(now.minusSeconds(30))
				.expiresAt(now.plusSeconds(600))
				.claim(Callers.AUTHORITY, "camden")
				.claim(Callers.TEAMS, List.of("team-a"))
				.claim(Callers.ROLE, "TEAM_MANAGER");
			change.accept(c);
		});
	}

	public static String bearer(String token) {
		return "Bearer " + token;
	}

	/**
	 * The public half of the test key as a JWK set, as an identity provider publishes it
	 * at its jwks_uri.
	 */
	public static String publicJwkSet() {
		return new JWKSet(PUBLIC_KEY).toString(true);
	}

	private static RSAKey publicKey() {
		try (InputStream in = TestTokens.class.getResourceAsStream("/test-jwt/public.pem")) {
			String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
				.replaceAll("\\s", "");
			RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
			return new RSAKey.Builder(key).build();
		}
		catch (IOException | GeneralSecurityException e) {
			throw new IllegalStateException("the test public key cannot be read", e);
		}
	}

	private static NimbusJwtEncoder encoder() {
		try (InputStream in = TestTokens.class.getResourceAsStream("/test-jwt/private.pem")) {
			String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
				.replaceAll("\\s", "");
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey key = (RSAPrivateCrtKey) factory
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
			RSAPublicKey publicKey = (RSAPublicKey) factory
				.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
			return new NimbusJwtEncoder(
					new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder(publicKey).privateKey(key).build())));
		}
		catch (IOException | GeneralSecurityException e) {
			throw new IllegalStateException("the test signing key cannot be read", e);
		}
	}

}
