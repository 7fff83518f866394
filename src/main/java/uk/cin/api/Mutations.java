package uk.cin.api;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;
import uk.cin.audit.AuditLog;
import uk.cin.security.Access;
import uk.cin.security.Caller;

/**
 * How every mutation runs: within the request's transaction, from a savepoint; bad input (or a refused write) rolls
 * back to it and comes back as userErrors, so nothing at all is written but the audit log's note of the refusal; and
 * a clientMutationId the caller has used before returns the first result without writing again.
 */
@Component
public class Mutations {

    public static final int CLIENT_MUTATION_ID_LENGTH = 200;

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
     *
     * @param work the writes; returns the id of the object the payload is about. Throws {@link Refusal} for bad input
     * @param payload builds the payload from that id (for the first run and for replays alike)
     * @param refused builds the payload for userErrors
     */
    public <P> Mono<P> run(String mutation, String clientMutationId, Supplier<Mono<UUID>> work,
            Function<UUID, Mono<P>> payload, Function<List<UserError>, P> refused) {
        if (clientMutationId != null && (clientMutationId.isBlank()
                || clientMutationId.length() > CLIENT_MUTATION_ID_LENGTH)) {
            return Mono.just(refused.apply(List.of(UserError.of(ApiException.INVALID,
                    "must be 1 to " + CLIENT_MUTATION_ID_LENGTH + " characters", "input", "clientMutationId"))));
        }
        return Access.caller().flatMap(who -> {
            String caller = who.id();
            // A request stopped at its time limit has lost its transaction: what is left of it must write nothing.
            Mono<UUID> firstRun = notStopped().then(savepoint.transactional(Mono.defer(work)
                    .flatMap(id -> notStopped().then(clientMutationId == null ? Mono.<Void>empty()
                            : receipt(caller, clientMutationId, mutation, id))
                            .then(audit.write(who, AuditLog.Action.WRITE, mutation, id)).thenReturn(id))));
            Mono<UUID> once = clientMutationId == null ? firstRun
                    : previous(caller, clientMutationId, mutation)
                            .switchIfEmpty(firstRun.onErrorResume(DataIntegrityViolationException.class,
                                    // The same id sent twice at once: the other one won; answer as it did.
                                    e -> previous(caller, clientMutationId, mutation)
                                            .switchIfEmpty(Mono.error(e))));
            return once.flatMap(payload)
                    .onErrorResume(Refusal.class, r -> refusedWrite(who, mutation)
                            .thenReturn(refused.apply(r.errors())));
        });
    }

    private static Mono<Void> notStopped() {
        return Mono.deferContextual(context -> context.<AtomicBoolean>getOrEmpty(ErrorHandling.STOPPED)
                .filter(AtomicBoolean::get).isPresent()
                        ? Mono.error(new IllegalStateException("request stopped at its time limit"))
                        : Mono.empty());
    }

    private Mono<Void> refusedWrite(Caller caller, String mutation) {
        return audit.write(caller, AuditLog.Action.REFUSED, mutation, null);
    }

    private Mono<UUID> previous(String caller, String clientMutationId, String mutation) {
        return db.sql("select mutation, result from mutation_receipt where caller = :caller and client_mutation_id = :id")
                .bind("caller", caller).bind("id", clientMutationId)
                .map(row -> new String[] {row.get("mutation", String.class), row.get("result", String.class)})
                .one()
                .flatMap(found -> found[0].equals(mutation) ? Mono.just(UUID.fromString(found[1]))
                        : Mono.error(new Refusal(UserError.of("DUPLICATE_CLIENT_MUTATION_ID",
                                "this clientMutationId was already used for another mutation", "input",
                                "clientMutationId"))));
    }

    private Mono<Void> receipt(String caller, String clientMutationId, String mutation, UUID result) {
        return db.sql("insert into mutation_receipt (caller, client_mutation_id, mutation, result) "
                        + "values (:caller, :id, :mutation, :result)")
                .bind("caller", caller).bind("id", clientMutationId).bind("mutation", mutation)
                .bind("result", result.toString()).then();
    }
}
