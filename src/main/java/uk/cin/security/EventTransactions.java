package uk.cin.security;

import io.r2dbc.spi.R2dbcTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolAcquirePendingLimitException;
import reactor.pool.PoolAcquireTimeoutException;
import reactor.pool.PoolBuilder;
import reactor.pool.PooledRef;
import reactor.util.context.ContextView;
import uk.cin.api.ApiException;
import uk.cin.config.LiveLimits;

/**
 * The database transactions that deliver subscription events: the reads an event's fields
 * need, the audit of what was read, the changes a resumed subscription missed. However
 * many subscribers there are, at most {@code cin.live.event-transactions} of these run at
 * once; the others wait their turn in order of arrival, for at most
 * {@code cin.live.event-wait}. So subscriptions never hold more of the connection pool
 * than that, and queries and mutations always find the rest of it. A transaction that
 * cannot start in time fails with {@link Busy}, which ends its subscription with
 * SUBSCRIPTIONS_BUSY: the client subscribes again with after: the last event id received.
 */
@Component
public class EventTransactions {

	public static final String BUSY = "SUBSCRIPTIONS_BUSY";

	/**
	 * Reactor context key, set inside a transaction that holds its turn: work within it
	 * joins that transaction rather than wait for another turn (which, with every turn
	 * taken, it would never get).
	 */
	public static final String HELD = "cin.live.event-transaction-held";

	/**
	 * Reactor context key of a subscription: an {@code AtomicReference<Busy>} set when
	 * one of its transactions could not start in time, so that its end can say why even
	 * when the failure reached it as a field error.
	 */
	public static final String FAILED = "cin.live.event-transaction-failed";

	/**
	 * Turns waited for at once; past it a transaction fails at once (the subscription
	 * limits keep it far off).
	 */
	private static final int MAX_WAITING = 100_000;

	/**
	 * No turn within the wait, or a connection the pool could not give in time: the
	 * subscription ends.
	 */
	public static final class Busy extends ApiException {

		public Busy(Duration wait) {
			super(BUSY, "the service could not deliver the event within " + wait.toMillis() / 1000.0
					+ " s; subscribe again with after: the last event id received");
		}

	}

	private final InstrumentedPool<Boolean> turns;

	private final Duration wait;

	private final AtomicLong started = new AtomicLong();

	public EventTransactions(LiveLimits limits) {
		this.wait = limits.eventWait();
		// A pool of permits: reactor-pool queues the waiting fairly (first come, first
		// served) and times them out.
		this.turns = PoolBuilder.from(Mono.just(Boolean.TRUE))
			.sizeBetween(0, limits.eventTransactions())
			.maxPendingAcquire(MAX_WAITING)
			.buildPool();
	}

	/**
	 * Runs a transaction when its turn comes (at once, if it already runs inside one).
	 */
	public <T> Mono<T> mono(Mono<T> transaction) {
		return Mono.deferContextual(context -> context.hasKey(HELD) ? transaction
				: Mono.usingWhen(turns.acquire(wait), turn -> started(transaction), PooledRef::release)
					.onErrorResume(EventTransactions::busy, e -> Mono.error(failed(context))));
	}

	/**
	 * Runs a transaction when its turn comes (at once, if it already runs inside one).
	 */
	public <T> Flux<T> flux(Flux<T> transaction) {
		return Flux.deferContextual(context -> context.hasKey(HELD) ? transaction
				: Flux.usingWhen(turns.acquire(wait), turn -> started(transaction), PooledRef::release)
					.onErrorResume(EventTransactions::busy, e -> Mono.error(failed(context))));
	}

	private <T> Mono<T> started(Mono<T> transaction) {
		started.incrementAndGet();
		return transaction.contextWrite(c -> c.put(HELD, true));
	}

	private <T> Flux<T> started(Flux<T> transaction) {
		started.incrementAndGet();
		return transaction.contextWrite(c -> c.put(HELD, true));
	}

	@SuppressWarnings("unchecked")
	private Busy failed(ContextView context) {
		Busy busy = new Busy(wait);
		context.<AtomicReference<Busy>>getOrEmpty(FAILED).ifPresent(failure -> failure.compareAndSet(null, busy));
		return busy;
	}

	/**
	 * No turn in time, or no connection in time (the pool's own acquire timeout) once it
	 * came.
	 */
	public static boolean busy(Throwable error) {
		for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
			if (e instanceof Busy || e instanceof PoolAcquireTimeoutException
					|| e instanceof PoolAcquirePendingLimitException || e instanceof R2dbcTimeoutException) {
				return true;
			}
		}
		return false;
	}

	/** Transactions running now (for metrics). */
	public int running() {
		return turns.metrics().acquiredSize();
	}

	/** Transactions that have had their turn since the start (for metrics). */
	public long started() {
		return started.get();
	}

	/** Transactions waiting for their turn now (for metrics). */
	public int waiting() {
		return turns.metrics().pendingAcquireSize();
	}

}
