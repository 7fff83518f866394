package uk.cin.security;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.cin.policy.pack.PolicyPacks;

/**
 * Turns a verified token into a caller. The token must name a known authority ({@code authority}), at least one
 * team ({@code teams}) and a role ({@code role}); otherwise it is refused as invalid, with the claim named.
 */
@Component
public class Callers {

    public static final String AUTHORITY = "authority";
    public static final String TEAMS = "teams";
    public static final String ROLE = "role";
    /** Team names: letters, digits, spaces and - _ . ' &, at most 100 characters. */
    public static final Pattern TEAM_NAME = Pattern.compile("[\\p{L}\\p{N} _.'&-]{1,100}");

    private final PolicyPacks packs;

    public Callers(PolicyPacks packs) {
        this.packs = packs;
    }

    public Mono<Caller> fromJwt(Jwt jwt) {
        try {
            return Mono.just(caller(jwt.getSubject(), jwt.getClaimAsString(AUTHORITY), jwt.getClaim(TEAMS),
                    jwt.getClaimAsString(ROLE), jwt.getExpiresAt()));
        } catch (IllegalArgumentException e) {
            return Mono.error(new InvalidBearerTokenException(e.getMessage()));
        }
    }

    /** Checks each part; throws IllegalArgumentException naming what is wrong (never quoting it). */
    public Caller caller(String subject, String authority, Object teams, String role, Instant expiresAt) {
        if (subject == null || subject.isBlank() || subject.length() > 200) {
            throw new IllegalArgumentException("the token needs a subject (sub) of 1 to 200 characters");
        }
        if (authority == null || packs.find(authority).isEmpty()) {
            throw new IllegalArgumentException("the token's authority claim must be one of " + packs.codes());
        }
        Set<String> teamSet = new LinkedHashSet<>();
        if (teams instanceof Collection<?> list) {
            for (Object team : list) {
                if (!(team instanceof String name) || !TEAM_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("each team must be 1 to 100 letters, digits, spaces or - _ . ' &");
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
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the token's role claim must be one of the ChairRole values, "
                    + "BI_ANALYST or AUDITOR");
        }
        return new Caller(subject, authority, teamSet, parsed, expiresAt);
    }
}
