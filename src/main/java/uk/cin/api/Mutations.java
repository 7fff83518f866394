package uk.cin.api;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * How every mutation runs: one transaction; bad input rolls it back and comes back as userErrors, so nothing at all
 * is written; and a clientMutationId the caller has used before returns the first result without writing again.
 */
@Component
public class Mutations {

    /** Until access control exists, every caller is the same one. */
    public static final String ANONYMOUS = "anonymous";
    public static final int CLIENT_MUTATION_ID_LENGTH = 200;

    private final DatabaseClient db;
    private final TransactionalOperator transactions;

    public Mutations(DatabaseClient db, TransactionalOperator transactions) {
        this.db = db;
        this.transactions = transactions;
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
        String caller = ANONYMOUS;
        Mono<UUID> firstRun = transactions.transactional(Mono.defer(work)
                .flatMap(id -> clientMutationId == null ? Mono.just(id)
                        : receipt(caller, clientMutationId, mutation, id).thenReturn(id)));
        Mono<UUID> once = clientMutationId == null ? firstRun
                : previous(caller, clientMutationId, mutation)
                        .switchIfEmpty(firstRun.onErrorResume(DataIntegrityViolationException.class,
                                // The same id sent twice at once: the other one won; answer as it did.
                                e -> previous(caller, clientMutationId, mutation)
                                        .switchIfEmpty(Mono.error(e))));
        return once.flatMap(payload)
                .onErrorResume(Refusal.class, r -> Mono.just(refused.apply(r.errors())));
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
