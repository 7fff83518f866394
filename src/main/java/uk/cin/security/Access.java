package uk.cin.security;

import reactor.core.publisher.Mono;
import uk.cin.api.ApiException;
import uk.cin.api.Refusal;
import uk.cin.api.UserError;

/** The caller of the operation running, and the checks writes make. */
public final class Access {

	public static final String FORBIDDEN = "FORBIDDEN";

	private Access() {
	}

	/** The caller, from the Reactor context every request runs in. */
	public static Mono<Caller> caller() {
		return Mono.deferContextual(context -> context.<Caller>getOrEmpty(Caller.class)
			.map(Mono::just)
			.orElseGet(() -> Mono.error(new IllegalStateException("no caller in this context"))));
	}

	/**
	 * The record, if the caller may read it; otherwise nothing, exactly as for an id that
	 * names nothing.
	 */
	public static <T extends Owned> Mono<T> readable(Mono<T> record) {
		return caller().flatMap(caller -> record.filter(caller::reads));
	}

	/**
	 * A write to the record. What the caller may not read is refused exactly as an id
	 * that names nothing ({@code NOT_FOUND}): no existence oracle. What it may read but
	 * not write is FORBIDDEN.
	 */
	public static Mono<Void> write(Owned record, String noun, String... path) {
		return caller().flatMap(caller -> {
			if (!caller.reads(record)) {
				// The audit log notes which id was probed; the client learns nothing of
				// it.
				return Mono.error(notFound(noun, path).about(record.nodeType(), record.id(), record.childId()));
			}
			if (!caller.writes(record.authorityCode(), record.team())) {
				return Mono.error(forbidden(caller, "may not write records", path).about(record.nodeType(), record.id(),
						record.childId()));
			}
			return Mono.empty();
		});
	}

	/**
	 * The refusal of an id that names nothing the caller may see: the same whether it
	 * names nothing at all.
	 */
	public static Refusal notFound(String noun, String... path) {
		return new Refusal(UserError.of(ApiException.NOT_FOUND, "no such " + noun, path));
	}

	/** Closing a plan, on top of writing to it: TEAM_MANAGER or above. */
	public static Mono<Void> mayClosePlans(String... path) {
		return caller().flatMap(caller -> caller.role().closesPlans() ? Mono.<Void>empty()
				: Mono.error(forbidden(caller, "may not close plans; a TEAM_MANAGER or above may", path)));
	}

	/**
	 * A refusal of what the caller may see but not do, at the input field that names what
	 * it is about.
	 */
	public static Refusal forbidden(Caller caller, String what, String... path) {
		return new Refusal(UserError.of(FORBIDDEN, "the role " + caller.role() + " " + what, path));
	}

}
