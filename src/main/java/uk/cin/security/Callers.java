package uk.cin.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.cin.config.CinProperties;
import uk.cin.policy.pack.PolicyPacks;

/**
 * Turns a verified token into a caller. The token must name a known authority
 * ({@code authority}), at least one team ({@code teams}) and a role ({@code role});
 * otherwise it is refused as invalid, with the claim named. The client application it was
 * issued to is the standard {@code azp} claim (OpenID Connect), or else {@code client_id}
 * (RFC 9068); a token may name none.
 */
@Component
public class Callers {

	public static final String AUTHORITY = "authority";

	public static final String TEAMS = "teams";

	public static final String ROLE = "role";

	/** The authorized party: the client application the token was issued to. */
	public static final String AUTHORIZED_PARTY = "azp";

	public static final String CLIENT_ID = "client_id";

	/** Client ids: printable characters without spaces, at most 200. */
	public static final Pattern CLIENT_NAME = Pattern.compile("[\\x21-\\x7E]{1,200}");

	/** Team names: letters, digits, spaces and - _ . ' &, at most 100 characters. */
	public static final Pattern TEAM_NAME = Pattern.compile("[\\p{L}\\p{N} _.'&-]{1,100}");

	private final PolicyPacks packs;

	private final Duration clockSkew;

	public Callers(PolicyPacks packs, CinProperties properties) {
		this.packs = packs;
		this.clockSkew = properties.security().clockSkew();
	}

	public Mono<Caller> fromJwt(Jwt jwt) {
		if (jwt.getExpiresAt() == null) {
			// Also refused by the decoder's validators: a token that never expires is
			// never taken.
			return Mono.error(new InvalidBearerTokenException("the token has no expiry (exp)"));
		}
		try {
			String client = jwt.hasClaim(AUTHORIZED_PARTY) ? jwt.getClaimAsString(AUTHORIZED_PARTY)
					: jwt.getClaimAsString(CLIENT_ID);
			// Honoured as long as the decoder accepts it: a token taken within the skew
			// past
			// its expiry is not ended the moment its subscription starts.
			return Mono.just(caller(jwt.getSubject(), jwt.getClaimAsString(AUTHORITY), jwt.getClaim(TEAMS),
					jwt.getClaimAsString(ROLE), jwt.getExpiresAt().plus(clockSkew), client));
		}
		catch (IllegalArgumentException e) {
			return Mono.error(new InvalidBearerTokenException(e.getMessage()));
		}
	}

	/**
	 * Checks each part; throws IllegalArgumentException naming what is wrong (never
	 * quoting it).
	 * @param client the client application the token was issued to (null: none named)
	 */
	public Caller caller(String subject, String authority, Object teams, String role, Instant expiresAt,
			String client) {
		if (subject == null || subject.isBlank() || subject.length() > 200
				|| subject.codePoints().anyMatch(Character::isISOControl)) {
			// It names the caller in receipts and the audit log: no control characters,
			// which could forge lines.
			throw new IllegalArgumentException(
					"the token needs a subject (sub) of 1 to 200 characters, none of them" + " control characters");
		}
		if (authority == null || packs.find(authority).isEmpty()) {
			throw new IllegalArgumentException("the token's authority claim must be one of " + packs.codes());
		}
		Set<String> teamSet = new LinkedHashSet<>();
		if (teams instanceof Collection<?> list) {
			for (Object team : list) {
				if (!(team instanceof String name) || !TEAM_NAME.matcher(name).matches()) {
					throw new IllegalArgumentException(
							"each team must be 1 to 100 letters, digits, spaces or - _ . ' &");
				}
				teamSet.add(name);
			}
		}
		if (teamSet.isEmpty()) {
			throw new IllegalArgumentException("the token's teams claim must list at least one team");
		}
		Role parsed;
		try {
			parsed = Role.valueOf(role == null ? "" : role);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(
					"the token's role claim must be one of the ChairRole values, " + "BI_ANALYST or AUDITOR");
		}
		if (client != null && !CLIENT_NAME.matcher(client).matches()) {
			throw new IllegalArgumentException(
					"the token's client (azp or client_id) must be 1 to 200 printable " + "characters without spaces");
		}
		return new Caller(subject, authority, teamSet, parsed, expiresAt, client);
	}

}
