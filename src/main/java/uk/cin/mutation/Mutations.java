package uk.cin.mutation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;
import uk.cin.api.ApiException;
import uk.cin.api.ErrorHandling;
import uk.cin.api.GlobalId;
import uk.cin.api.InputDigest;
import uk.cin.api.Refusal;
import uk.cin.api.UserError;
import uk.cin.audit.AuditLog;
import uk.cin.security.Access;

/**
 * How every mutation runs. First the caller's right to write to what the input names (its
 * access check), the same for a first send and a replay: a replay is a new request. Then,
 * within the request's transaction and from a savepoint, the write; bad input (or a
 * refused write) rolls back to the savepoint and comes back as userErrors, so nothing at
 * all is written but the audit log's note of the refusal. A clientMutationId the caller
 * has used before for the same input returns the first result without writing again; for
 * another input it is refused.
 */
@Component
public class Mutations {

	public static final int CLIENT_MUTATION_ID_LENGTH = 200;

	/** A clientMutationId used before for another mutation. */
	public static final String DUPLICATE_CLIENT_MUTATION_ID = "DUPLICATE_CLIENT_MUTATION_ID";

	/** A clientMutationId used before for the same mutation with another input. */
	public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";

	/**
	 * What a write was about: the object the payload shows, and the child whose record it
	 * is (or null).
	 */
	public record Written(GlobalId.NodeType objectType, UUID objectId, UUID childId) {
	}

	/** The first use of a clientMutationId, as its receipt keeps it. */
	private record Receipt(String mutation, UUID result, String inputDigest, OffsetDateTime at) {
	}

	private final DatabaseClient db;

	private final TransactionalOperator savepoint;

	private final AuditLog audit;

	public Mutations(DatabaseClient db, ReactiveTransactionManager transactionManager, AuditLog audit) {
		this.db = db;
		this.savepoint = TransactionalOperator.create(transactionManager,
				new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
		this.audit = audit;
	}

	/**
	 * Runs a mutation.
	 * @param input the mutation's input (a record, or the map GraphQL coerced): a replay
	 * must send the same one
	 * @param access checks the input and the caller's right to write to what it names,
	 * before any lock or load; its result is handed to the write. Refuses with
	 * {@link Refusal}, for a replay exactly as for a first send
	 * @param work the writes. Throws {@link Refusal} for bad input
	 * @param payload builds the payload from the id of what was written (for the first
	 * run and for replays alike), reading it as any query would, through the caller's
	 * visibility
	 * @param refused builds the payload for userErrors
	 */
	public <T, P> Mono<P> run(String mutation, Object input, Mono<T> access, Function<T, Mono<Written>> work,
			Function<UUID, Mono<P>> payload, Function<List<UserError>, P> refused) {
		String clientMutationId = InputDigest.clientMutationId(input);
		if (clientMutationId != null && !wellFormed(clientMutationId)) {
			return Mono.just(refused.apply(List.of(UserError.of(ApiException.INVALID,
					"must be 1 to " + CLIENT_MUTATION_ID_LENGTH + " characters, none of them control characters",
					"input", "clientMutationId"))));
		}
		String digest = clientMutationId == null ? null : InputDigest.of(input);
		return Access.caller().flatMap(who -> access.flatMap(target -> {
			String caller = who.id();
			// A request stopped at its time limit has lost its transaction: what is left
			// of it must write nothing.
			Mono<UUID> firstRun = notStopped().then(
					savepoint
						.transactional(
								Mono.defer(() -> work.apply(target))
									.flatMap(written -> notStopped()
										.then(clientMutationId == null ? Mono.<Void>empty()
												: receipt(caller, clientMutationId, mutation, written.objectId(),
														digest))
										.then(audit.write(who, AuditLog.Action.WRITE, mutation, written.objectType(),
												written.objectId(), written.childId()))
										.thenReturn(written.objectId()))));
			return clientMutationId == null ? firstRun
					: previous(caller, clientMutationId, mutation, digest).switchIfEmpty(firstRun.onErrorResume(
							DataIntegrityViolationException.class,
							// The same id sent twice at once: the other one won (its
							// receipt committed first, this one's write rolled back to
							// its savepoint); answer as it did.
							e -> previous(caller, clientMutationId, mutation, digest).switchIfEmpty(Mono.error(e))));
		})
			.flatMap(payload)
			.onErrorResume(Refusal.class,
					r -> audit.write(who, AuditLog.Action.REFUSED, mutation, r.objectType(), r.objectId(), r.childId())
						.thenReturn(refused.apply(r.errors()))));
	}

	private static boolean wellFormed(String clientMutationId) {
		if (clientMutationId.isBlank() || clientMutationId.length() > CLIENT_MUTATION_ID_LENGTH) {
			return false;
		}
		return clientMutationId.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL);
	}

	private static Mono<Void> notStopped() {
		return Mono.deferContextual(context -> context.<AtomicBoolean>getOrEmpty(ErrorHandling.STOPPED)
			.filter(AtomicBoolean::get)
			.isPresent() ? Mono.error(new IllegalStateException("request stopped at its time limit")) : Mono.empty());
	}

	/**
	 * The first result of this clientMutationId, when it was used for the same mutation
	 * with the same input; a refusal naming the first use when it was used for another
	 * mutation or another input (a second write under one id is never dropped in
	 * silence); empty when it was not used.
	 */
	private Mono<UUID> previous(String caller, String clientMutationId, String mutation, String digest) {
		return db
			.sql("select mutation, result, input_digest, created_at from mutation_receipt"
					+ " where caller = :caller and client_mutation_id = :id")
			.bind("caller", caller)
			.bind("id", clientMutationId)
			.map(row -> new Receipt(row.get("mutation", String.class), UUID.fromString(row.get("result", String.class)),
					row.get("input_digest", String.class), row.get("created_at", OffsetDateTime.class)))
			.one()
			.flatMap(first -> {
				String when = first.at().atZoneSameInstant(ZoneOffset.UTC).toLocalDate().toString();
				if (!first.mutation().equals(mutation)) {
					return Mono.error(new Refusal(UserError.of(
							DUPLICATE_CLIENT_MUTATION_ID, "this " + "clientMutationId was already used for "
									+ first.mutation() + " on " + when + "; send a new id for a new write",
							"input", "clientMutationId")));
				}
				// Receipts from before inputs were compared have no digest: their replays
				// are answered as sent.
				if (first.inputDigest() != null && !first.inputDigest().equals(digest)) {
					return Mono.error(new Refusal(UserError.of(IDEMPOTENCY_KEY_REUSED, "this clientMutationId "
							+ "was already used for " + first.mutation() + " on " + when + " with another input;"
							+ " nothing was written: send a new id for a new write, or the first input again for"
							+ " its result", "input", "clientMutationId")));
				}
				return Mono.just(first.result());
			});
	}

	private Mono<Void> receipt(String caller, String clientMutationId, String mutation, UUID result, String digest) {
		return db
			.sql("insert into mutation_receipt (caller, client_mutation_id, mutation, result, input_digest) "
					+ "values (:caller, :id, :mutation, :result, :digest)")
			.bind("caller", caller)
			.bind("id", clientMutationId)
			.bind("mutation", mutation)
			.bind("result", result.toString())
			.bind("digest", digest)
			.then();
	}

}
