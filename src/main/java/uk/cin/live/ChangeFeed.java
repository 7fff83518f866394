package uk.cin.live;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import uk.cin.plan.CinPlan;
import uk.cin.plan.PlanRepository;
import uk.cin.policy.pack.PolicyPacks;
import uk.cin.security.AuthorityScope;

/**
 * This instance's view of every committed change to any plan's deadlines: one connection
 * of its own (outside the pool) LISTENs for them, and they are fanned out to local
 * subscribers. After a lost connection it LISTENs again and first reads what it missed
 * from the table, so nothing is skipped.
 */
@Component
public class ChangeFeed {

	private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

	private final Sinks.Many<DeadlineChange> sink = Sinks.many().multicast().directBestEffort();

	private final AtomicLong lastSeen = new AtomicLong(-1);

	private final DatabaseClient db;

	private final PlanRepository plans;

	private final AuthorityScope scope;

	private final List<String> authorities;

	private final ConnectionFactory listenerFactory;

	private Disposable listening;

	public ChangeFeed(DatabaseClient db, PlanRepository plans, AuthorityScope scope, PolicyPacks packs,
			Environment environment) {
		this.db = db;
		this.plans = plans;
		this.scope = scope;
		this.authorities = packs.codes();
		ConnectionFactoryOptions options = ConnectionFactoryOptions
			.parse(environment.getRequiredProperty("spring.r2dbc.url"))
			.mutate()
			.option(ConnectionFactoryOptions.USER, environment.getProperty("spring.r2dbc.username", ""))
			.option(ConnectionFactoryOptions.PASSWORD, environment.getProperty("spring.r2dbc.password", ""))
			.build();
		this.listenerFactory = ConnectionFactories.get(options);
	}

	@EventListener(ApplicationReadyEvent.class)
	public void start() {
		// Row-level security shows one authority's changes at a time: the latest is the
		// greatest of theirs.
		lastSeen.set(Flux.fromIterable(authorities)
			.concatMap(code -> scope.mono(code,
					db.sql("select coalesce(max(id), 0) from deadline_change").map(r -> r.get(0, Long.class)).one()))
			.reduce(0L, Math::max)
			.blockOptional()
			.orElse(0L));
		listening = Flux.usingWhen(listenerFactory.create(), this::listen, c -> c.close())
			.doOnError(e -> log.warn("Lost the change listener ({}); listening again", e.getClass().getName()))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
			.concatMap(this::withPlan)
			.subscribe(this::publish);
	}

	private Flux<DeadlineChange> listen(Connection connection) {
		PostgresqlConnection pg = (PostgresqlConnection) connection;
		// Notifications are buffered from the start, while what was committed since the
		// last change seen is read: no gap between the two, and publish() drops what both
		// deliver.
		Sinks.Many<DeadlineChange> buffer = Sinks.many().unicast().onBackpressureBuffer();
		Disposable notifications = pg.getNotifications()
			.mapNotNull(n -> n.getParameter() == null ? null : DeadlineChange.decode(n.getParameter()))
			.subscribe(buffer::tryEmitNext, buffer::tryEmitError, buffer::tryEmitComplete);
		return pg.createStatement("LISTEN " + ChangeRecorder.CHANNEL)
			.execute()
			.flatMap(PostgresqlResult::getRowsUpdated)
			.then()
			.thenMany(Flux.concat(since(lastSeen.get()), buffer.asFlux()))
			.doFinally(signal -> notifications.dispose());
	}

	private Mono<DeadlineChange> withPlan(DeadlineChange change) {
		return scope.mono(change.authorityCode(), plans.plans(List.of(change.planId())).next())
			.map(change::withPlan)
			.defaultIfEmpty(change);
	}

	private synchronized void publish(DeadlineChange change) {
		if (change.id() <= lastSeen.get()) {
			return;
		}
		lastSeen.set(change.id());
		sink.tryEmitNext(change);
	}

	/** Committed changes as they happen on any instance. */
	public Flux<DeadlineChange> live() {
		return sink.asFlux();
	}

	/**
	 * Every authority's changes recorded after this event id, in order (after a lost
	 * connection).
	 */
	private Flux<DeadlineChange> since(long afterId) {
		return Flux.fromIterable(authorities)
			.concatMap(code -> scope.flux(code, changesAfter(afterId)))
			.collectSortedList(Comparator.comparingLong(DeadlineChange::id))
			.flatMapIterable(changes -> changes);
	}

	/**
	 * Changes recorded after this event id, in order, of the authority the transaction is
	 * scoped to.
	 */
	private Flux<DeadlineChange> changesAfter(long afterId) {
		return db.sql("select * from deadline_change where id > :after order by id")
			.bind("after", afterId)
			.map(r -> new DeadlineChange(r.get("id", Long.class), r.get("plan_id", UUID.class),
					r.get("authority_code", String.class), DeadlineChange.Cause.valueOf(r.get("cause", String.class)),
					r.get("changed_at", OffsetDateTime.class), r.get("next_review_due", LocalDate.class),
					Boolean.TRUE.equals(r.get("is_overdue", Boolean.class)), null))
			.all();
	}

	/**
	 * One authority's changes after this event id, with each change's plan: one query for
	 * all their plans, however many were missed.
	 */
	public Flux<DeadlineChange> sinceWithPlans(String authority, long afterId) {
		return scope.flux(authority, changesAfter(afterId).collectList().flatMapMany(changes -> {
			if (changes.isEmpty()) {
				return Flux.empty();
			}
			List<UUID> planIds = changes.stream().map(DeadlineChange::planId).distinct().toList();
			return plans.plans(planIds)
				.collectMap(CinPlan::id)
				.flatMapMany(byId -> Flux.fromIterable(changes)
					.map(c -> byId.containsKey(c.planId()) ? c.withPlan(byId.get(c.planId())) : c));
		}));
	}

	@PreDestroy
	public void stop() {
		if (listening != null) {
			listening.dispose();
		}
		sink.tryEmitComplete();
	}

}
