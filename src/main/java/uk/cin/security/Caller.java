package uk.cin.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Who is asking: from a verified bearer token. One authority, one or more teams, one
 * role.
 *
 * @param subject the token's subject; with the authority, it names the caller in receipts
 * and the audit log
 * @param client the application the token was issued to (its {@code azp} or
 * {@code client_id} claim), or null when the token names none; some clients may send only
 * registered documents (see TrustedDocumentInterceptor)
 * @param expiresAt until when the caller is honoured: the token's expiry plus the clock
 * skew the decoder allows ({@code cin.security.clock-skew}), so that subscriptions and
 * sockets end when the token would be refused
 */
public record Caller(String subject, String authority, Set<String> teams, Role role, Instant expiresAt, String client) {

	/** The GraphQL context key controllers read the caller under. */
	public static final String CONTEXT_KEY = "caller";

	public Caller {
		teams = Set.copyOf(teams);
	}

	/** A caller whose token names no client application. */
	public Caller(String subject, String authority, Set<String> teams, Role role, Instant expiresAt) {
		this(subject, authority, teams, role, expiresAt, null);
	}

	/** Whether this caller may read a record of this authority and team. */
	public boolean reads(String recordAuthority, String team) {
		return role.readsRecords() && authority.equals(recordAuthority)
				&& (role.seesAllTeams() || teams.contains(team));
	}

	public boolean reads(Owned record) {
		return reads(record.authorityCode(), record.team());
	}

	/**
	 * Whether this caller may write a record of this authority and team (meetings,
	 * events, visits, children...).
	 */
	public boolean writes(String recordAuthority, String team) {
		return role.writesRecords() && reads(recordAuthority, team);
	}

	/** The teams a list is limited to, or null for every team of the authority. */
	public List<String> teamFilter() {
		return role.seesAllTeams() ? null : List.copyOf(teams);
	}

	/** How receipts and the audit log name the caller: unique across authorities. */
	public String id() {
		return authority + "/" + subject;
	}
}
