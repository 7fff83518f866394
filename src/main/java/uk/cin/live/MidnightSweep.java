package uk.cin.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.plan.PlanStates;
import uk.cin.policy.pack.PolicyPacks;
import uk.cin.security.AuthorityScope;

/**
 * At local midnight (the configured zone, Europe/London), every plan with a deadline that
 * becomes overdue that day gets one TIME_PASSED change. A day is swept by the one
 * instance that claims its row in sweep_day, in the same transaction as its changes; days
 * missed while no instance ran are swept once, in order, on the next start or midnight.
 * The first run of a new database starts from its first day, not from the past. Each
 * sweep also removes changes older than {@link #KEEP_DAYS} days. Its metrics: days swept
 * by this instance, plans announced, changes removed, each catch-up's duration and
 * outcome, and when the last one succeeded.
 */
@Component
public class MidnightSweep {

	private static final Logger log = LoggerFactory.getLogger(MidnightSweep.class);

	/** How long changes are kept: as far back as a subscriber can resume with after:. */
	public static final int KEEP_DAYS = 30;

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final PlanStates states;

	private final ChangeRecorder changes;

	private final Clock clock;

	private final AuthorityScope scope;

	private final List<String> authorities;

	private final MeterRegistry registry;

	private final Counter daysSwept;

	private final Counter plansAnnounced;

	private final Counter changesRemoved;

	/** Epoch second of the last catch-up that succeeded (0: none yet). */
	private final AtomicLong lastSuccess = new AtomicLong();

	private Disposable schedule;

	/** A catch-up that found the day claimed by another instance. */
	private static final int NOT_CLAIMED = -1;

	public MidnightSweep(DatabaseClient db, TransactionalOperator transactions, PlanStates states,
			ChangeRecorder changes, Clock clock, AuthorityScope scope, PolicyPacks packs, MeterRegistry registry) {
		this.registry = registry;
		this.daysSwept = Counter.builder("cin.sweep.days")
			.description("Days this instance claimed and swept")
			.register(registry);
		this.plansAnnounced = Counter.builder("cin.sweep.plans.overdue")
			.description("Plans announced (TIME_PASSED) because a deadline became overdue at midnight")
			.register(registry);
		this.changesRemoved = Counter.builder("cin.sweep.changes.removed")
			.description("Changes removed after the retention period")
			.register(registry);
		TimeGauge.builder("cin.sweep.last.success", lastSuccess, TimeUnit.SECONDS, AtomicLong::get)
			.description("When the last catch-up succeeded, seconds since the epoch (0: none yet)")
			.register(registry);
		this.scope = scope;
		this.authorities = packs.codes();
		this.db = db;
		this.transactions = transactions;
		this.states = states;
		this.changes = changes;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void start() {
		catchUp().block();
		schedule = Flux.defer(() -> Mono.delay(untilNextMidnight()).then(catchUp()))
			.repeat()
			.onErrorContinue((e, o) -> log.warn("Midnight sweep failed ({}); tries again at the next midnight",
					e.getClass().getName()))
			.subscribe();
	}

	private Duration untilNextMidnight() {
		ZonedDateTime now = ZonedDateTime.now(clock);
		ZonedDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay(now.getZone());
		return Duration.between(now, midnight).plusMillis(50);
	}

	/**
	 * Sweeps every day from the one after the last swept to today. Safe to call on every
	 * instance at once.
	 */
	public Mono<Integer> catchUp() {
		return Mono.defer(() -> {
			Timer.Sample sample = Timer.start(registry);
			return sweepToToday().doOnSuccess(n -> {
				sample.stop(duration("success"));
				lastSuccess.set(clock.instant().getEpochSecond());
			}).doOnError(e -> sample.stop(duration("failure")));
		});
	}

	private Timer duration(String outcome) {
		return Timer.builder("cin.sweep.duration")
			.description("A catch-up: every day not yet swept, up to today")
			.tag("outcome", outcome)
			.register(registry);
	}

	private Mono<Integer> sweepToToday() {
		LocalDate today = LocalDate.now(clock);
		return db.sql("select max(day) from sweep_day")
			.map(r -> Optional.ofNullable(r.get(0, LocalDate.class)))
			.one()
			.flatMap(last -> last.isEmpty() ? sweep(today)
					: !last.get().isBefore(today) ? Mono.just(0)
							: Flux.fromStream(last.get().plusDays(1).datesUntil(today.plusDays(1)))
								.concatMap(this::sweep)
								.reduce(0, Integer::sum));
	}

	/**
	 * One day: claim it, or leave it to the instance that did. Returns the number of
	 * plans announced.
	 */
	Mono<Integer> sweep(LocalDate day) {
		AtomicLong removed = new AtomicLong();
		Mono<Integer> work = db.sql("insert into sweep_day (day) values (:day) on conflict do nothing returning day")
			.bind("day", day)
			.map(r -> 1)
			.one()
			// Row-level security shows one authority at a time: each is swept in turn, in
			// the day's transaction.
			.flatMap(claimed -> Flux.fromIterable(authorities)
				.concatMap(code -> scope.mono(code,
						becameOverdue(day).collectList()
							.flatMap(plans -> announce(plans, day).then(prune(day).doOnNext(removed::addAndGet))
								.thenReturn(plans.size()))))
				.reduce(0, Integer::sum)
				.flatMap(n -> db.sql("update sweep_day set plans = :n where day = :day")
					.bind("n", n)
					.bind("day", day)
					.then()
					.thenReturn(n)))
			.defaultIfEmpty(NOT_CLAIMED);
		// Counted once committed: a rolled-back day is swept again later.
		return transactions.transactional(work).doOnNext(n -> {
			if (n != NOT_CLAIMED) {
				daysSwept.increment();
				plansAnnounced.increment(n);
				changesRemoved.increment(removed.get());
			}
		}).map(n -> Math.max(n, 0));
	}

	/** Changes older than the retention period go with the day's sweep. */
	private Mono<Long> prune(LocalDate day) {
		return db.sql("delete from deadline_change where changed_at < :cutoff")
			.bind("cutoff", day.minusDays(KEEP_DAYS).atStartOfDay(clock.getZone()).toOffsetDateTime())
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Plans with a deadline due the day before, not met by the end of this day, and still
	 * applying.
	 */
	private Flux<UUID> becameOverdue(LocalDate day) {
		return db
			.sql("select distinct plan_id from plan_deadline where due_date = :due and arose_on <= :day"
					+ " and (ended_on is null or ended_on > :day) and (met_on is null or met_on > :day)")
			.bind("due", day.minusDays(1))
			.bind("day", day)
			.map(r -> r.get(0, UUID.class))
			.all();
	}

	private Mono<Void> announce(List<UUID> planIds, LocalDate day) {
		if (planIds.isEmpty()) {
			return Mono.empty();
		}
		// Once a day over many plans: read afresh rather than churn the cache the pages
		// use.
		return states
			.evaluate(planIds.stream().map(id -> new PlanStates.PlanAt(id, day)).collect(Collectors.toSet()), false)
			.flatMapMany(evaluated -> Flux.fromIterable(evaluated.values()))
			.concatMap(e -> changes.record(e.state().plan().id(), e.state().plan().authorityCode(),
					DeadlineChange.Cause.TIME_PASSED, e.evaluation().nextReviewDue(), e.evaluation().isOverdue()))
			.then();
	}

	@PreDestroy
	public void stop() {
		if (schedule != null) {
			schedule.dispose();
		}
	}

}
