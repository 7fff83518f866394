package uk.cin.live;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;
import uk.cin.api.ApiException;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.security.Access;
import uk.cin.security.Caller;
import uk.cin.security.EventTransactions;

/**
 * Subscriptions to deadline changes: who may subscribe to what, live changes filtered by
 * authority or plan, optionally resumed after an event id. Each subscriber has a bounded
 * buffer of its own: one that falls that far behind is ended with SUBSCRIBER_TOO_SLOW,
 * and nobody else (the writers included) waits for it. How a subscription that fails ends
 * is {@link SubscriptionErrors}.
 */
@Service
public class DeadlineSubscriptions {

	public static final int BUFFER = 256;

	/** A subscriber that fell a whole buffer behind. */
	static final class TooSlow extends RuntimeException {

		TooSlow() {
			super("SUBSCRIBER_TOO_SLOW", null, false, false);
		}

	}

	static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";

	/**
	 * Reactor context key: a {@link Runnable} that a subscription runs once it hears
	 * every change committed from then on. A transport that can tell its client the
	 * subscription is open does so then, and no sooner: a client that writes as soon as
	 * it is told cannot miss its own change ({@link SseSubscriptions} opens the SSE
	 * response).
	 */
	public static final String WHEN_LISTENING = "cin.live.when-listening";

	public static final String SHUTTING_DOWN = "SHUTTING_DOWN";

	private final ChangeFeed feed;

	private final Clock clock;

	private final SubscriptionCounts counts;

	private final EventReads reads;

	private final EventTransactions transactions;

	/**
	 * Subscriptions open on this instance (a gauge), and the signal that ends them all
	 * when it shuts down.
	 */
	private final AtomicInteger active = new AtomicInteger();

	private volatile Sinks.Empty<DeadlineChange> shutdown = Sinks.empty();

	public DeadlineSubscriptions(ChangeFeed feed, Clock clock, SubscriptionCounts counts, EventReads reads,
			EventTransactions transactions) {
		this.feed = feed;
		this.clock = clock;
		this.counts = counts;
		this.reads = reads;
		this.transactions = transactions;
	}

	/**
	 * One GraphQL subscription: its changes, each with what the subscription's fields
	 * read put in its DataLoaders.
	 */
	public Flux<DeadlineChange> deadlinesChanged(@Nullable String authorityCode, @Nullable String planId,
			@Nullable String after, DataLoaderRegistry loaders, DataFetchingFieldSelectionSet selection) {
		boolean shared = EventReads.wanted(selection);
		// A subscription is one GraphQL request however long it lasts, and its
		// DataLoaders cache what they load: without clearing, every later event would
		// show the plan as the first event found it. Then what every subscriber of the
		// event asks is put in them, read once for all (one event at a time: no prefetch,
		// so a stalled subscriber is still ended at BUFFER behind).
		return deadlinesChanged(authorityCode, planId, after).concatMap(change -> {
			loaders.getDataLoaders().forEach(DataLoader::clearAll);
			return shared ? reads.prime(change, loaders) : Mono.just(change);
		}, 0);
	}

	/**
	 * Changes as this caller may see them, from the Reactor context's caller: refused
	 * when the caller may not subscribe.
	 */
	public Flux<DeadlineChange> deadlinesChanged(@Nullable String authorityCode, @Nullable String planId,
			@Nullable String after) {
		UUID plan = planId == null ? null : GlobalId.require(planId, NodeType.CinPlan);
		long afterId = after == null ? -1 : parseEventId(after);
		// Outermost, so that the count falls only once the subscription's last message is
		// on its way.
		return subscription(authorityCode, plan, afterId).doOnSubscribe(s -> active.incrementAndGet())
			.doFinally(signal -> active.decrementAndGet());
	}

	/** Subscriptions open on this instance now. */
	public int activeSubscriptions() {
		return active.get();
	}

	/**
	 * Ends every subscription, and any opened from now on, with SHUTTING_DOWN: the client
	 * resubscribes, to another instance, with after: the last event id it received, and
	 * misses nothing.
	 */
	public void shutDown() {
		shutdown.tryEmitError(new ApiException(SHUTTING_DOWN,
				"the service is shutting down; subscribe again with " + "after: the last event id received"));
	}

	/**
	 * Takes subscriptions again after {@link #shutDown()}: a stopped context can be
	 * started again (Spring's test framework pauses the contexts it caches), and must not
	 * refuse every subscription from then on.
	 */
	public void reopen() {
		shutdown = Sinks.empty();
	}

	private Flux<DeadlineChange> subscription(String authorityCode, UUID plan, long afterId) {
		return Access.caller().flatMapMany(caller -> {
			if (authorityCode != null && !authorityCode.equals(caller.authority())) {
				return Flux.error(new ApiException(Access.FORBIDDEN, "subscribe to your own authority's changes"));
			}
			if (!caller.role().readsRecords()) {
				return Flux.error(new ApiException(Access.FORBIDDEN,
						"the role " + caller.role() + " does not read children's records"));
			}
			Duration left = Duration.between(clock.instant(), caller.expiresAt());
			// Counted against the caller's and the socket's limits while it lasts,
			// however it ends.
			return Flux.deferContextual(context -> Flux.using(() -> counts.hold(caller, context
				.<String>getOrEmpty(SubscriptionRequests.SOCKET)
				.orElse(null)), held -> changes(caller, plan, afterId)
					// It ends when the token does: the client subscribes again with a new
					// one (after:).
					.takeUntilOther(Mono.delay(left.isNegative() ? Duration.ZERO : left))
					.concatWith(Flux.error(() -> new ApiException(TOKEN_EXPIRED,
							"the token expired;" + " subscribe again with a new one and after: the last event id"))),
					SubscriptionCounts.Held::close));
		});
	}

	private Flux<DeadlineChange> changes(Caller caller, UUID plan, long afterId) {
		return Flux.deferContextual(context -> {
			// Live changes are buffered from the start, while earlier ones are read: no
			// gap between the two.
			Sinks.Many<DeadlineChange> buffer = Sinks.many()
				.unicast()
				.onBackpressureBuffer(Queues.<DeadlineChange>get(BUFFER).get());
			// An overflow ends the subscription at once: the buffer's own error would
			// wait behind what it holds.
			Sinks.Empty<DeadlineChange> overflow = Sinks.empty();
			// Counted here rather than read from the sink's queue: what the operators
			// downstream hold (and Reactor's context propagation may add) must count too,
			// so a subscriber is ended once it is BUFFER changes behind.
			AtomicLong behind = new AtomicLong();
			Disposable live = feed.live().filter(c -> visible(c, caller, plan)).subscribe(c -> {
				if (behind.incrementAndGet() > BUFFER || buffer.tryEmitNext(c).isFailure()) {
					overflow.tryEmitError(new TooSlow());
				}
			});
			// Listening: whatever commits from now on reaches this subscriber (earlier
			// changes come from the table).
			context.<Runnable>getOrEmpty(WHEN_LISTENING).ifPresent(Runnable::run);
			Flux<DeadlineChange> earlier = afterId < 0 ? Flux.empty()
					: transactions.flux(feed.sinceWithPlans(caller.authority(), afterId))
						.filter(c -> visible(c, caller, plan))
						.doOnNext(c -> behind.incrementAndGet());
			AtomicLong last = new AtomicLong(afterId);
			// Delivery (GraphQL execution, encoding, sending) runs on the parallel
			// scheduler, not on the thread that hears the database: one thread cannot
			// serve a thousand subscribers. The end signals join in the same merge as the
			// changes: a further merge would buffer another 32 changes and let a stalled
			// subscriber fall further behind than BUFFER before it is ended.
			return Flux
				.merge(Flux.concat(earlier, buffer.asFlux().publishOn(Schedulers.parallel(), 32)), overflow.asMono(),
						Mono.defer(() -> shutdown.asMono()))
				.filter(c -> {
					if (c.id() <= last.get()) {
						behind.decrementAndGet();
						return false;
					}
					last.set(c.id());
					return true;
				})
				.doOnNext(c -> behind.decrementAndGet())
				.doFinally(signal -> live.dispose());
		});
	}

	/**
	 * The caller's authority, and a team it sees (a change whose plan could not be read
	 * is not sent).
	 */
	private static boolean visible(DeadlineChange change, Caller caller, UUID plan) {
		return (plan == null || plan.equals(change.planId())) && change.plan() != null
				&& caller.reads(change.authorityCode(), change.plan().team());
	}

	private static long parseEventId(String id) {
		try {
			long parsed = Long.parseLong(id);
			if (parsed >= 0) {
				return parsed;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		throw new ApiException(ApiException.INVALID_ID, "after must be the id of an event received earlier");
	}

}
