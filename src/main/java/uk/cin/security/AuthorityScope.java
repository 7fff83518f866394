package uk.cin.security;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.config.Limits;

/**
 * Runs database work in a transaction that can see one authority's rows only. Every table
 * holding a child's record has row-level security keyed by the transaction setting
 * {@code cin.authority}: outside such a transaction no query returns a row, and inside
 * one no query returns another authority's, whatever its WHERE clause says.
 */
@Component
public class AuthorityScope {

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final EventTransactions events;

	private final String statementTimeout;

	public AuthorityScope(DatabaseClient db, TransactionalOperator transactions, Limits limits,
			EventTransactions events) {
		this.db = db;
		this.transactions = transactions;
		this.events = events;
		this.statementTimeout = limits.timeout().toMillis() + "ms";
	}

	/**
	 * Reactor context key: the authority of a subscriber whose event is being resolved. A
	 * subscription holds no transaction (it may last hours), so the reads an event's
	 * fields need take a short one each.
	 */
	public static final String SUBSCRIBER = "cin.subscriber-authority";

	/**
	 * A read that runs in the request's transaction, or, for a subscription's event, in
	 * one of its own when its turn comes: however many subscribers, their events take
	 * only so many connections at once ({@link EventTransactions}).
	 */
	public <T> Flux<T> read(Flux<T> work) {
		return Flux.deferContextual(context -> context.<String>getOrEmpty(SUBSCRIBER)
			.map(authority -> events.flux(flux(authority, work)))
			.orElse(work));
	}

	public <T> Mono<T> mono(String authority, Mono<T> work) {
		return transactions.transactional(enter(authority, ENTER).then(work));
	}

	public <T> Flux<T> flux(String authority, Flux<T> work) {
		return transactions.transactional(enter(authority, ENTER).thenMany(work));
	}

	/**
	 * Work that writes nothing but audit rows (a query, the audit of what subscription
	 * events showed): its commit does not wait for PostgreSQL to flush its WAL. Such rows
	 * can be lost only if PostgreSQL itself crashes within a fraction of a second of the
	 * commit, never by the service crashing; a write never runs here.
	 */
	public <T> Mono<T> reading(String authority, Mono<T> work) {
		return transactions.transactional(enter(authority, ENTER_READING).then(work));
	}

	private static final String ENTER = "select set_config('cin.authority', :authority, true),"
			+ " set_config('statement_timeout', :timeout, true)";

	private static final String ENTER_READING = ENTER + ", set_config('synchronous_commit', 'off', true)";

	private Mono<Void> enter(String authority, String sql) {
		// is_local = true: the setting ends with the transaction, so a pooled connection
		// carries nothing over. A statement cannot outlive the request's time limit, even
		// one whose request was already answered TIMEOUT.
		return db.sql(sql).bind("authority", authority).bind("timeout", statementTimeout).then();
	}

}
