package uk.cin.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;
import uk.cin.api.ApiException;
import uk.cin.config.LiveLimits;
import uk.cin.security.Caller;

/**
 * How many subscriptions each WebSocket and each caller has open on this instance, and
 * the limits on both ({@code cin.live.max-subscriptions-per-socket},
 * {@code max-subscriptions-per-caller}). An SSE stream is one subscription of its caller.
 * A subscription past either limit is refused with TOO_MANY_SUBSCRIPTIONS, naming it.
 */
@Component
public class SubscriptionCounts {

	public static final String TOO_MANY = "TOO_MANY_SUBSCRIPTIONS";

	/** A refusal: its code, and the limit it names (extensions.limit). */
	public static final class TooMany extends ApiException {

		private final int limit;

		TooMany(String message, int limit) {
			super(TOO_MANY, message);
			this.limit = limit;
		}

		public int limit() {
			return limit;
		}

	}

	/** A subscription counted: released once, when it ends. */
	public interface Held extends AutoCloseable {

		@Override
		void close();

	}

	private final int perSocket;

	private final int perCaller;

	private final Map<String, Integer> bySocket = new ConcurrentHashMap<>();

	private final Map<String, Integer> byCaller = new ConcurrentHashMap<>();

	public SubscriptionCounts(LiveLimits limits) {
		this.perSocket = limits.maxSubscriptionsPerSocket();
		this.perCaller = limits.maxSubscriptionsPerCaller();
	}

	/**
	 * Counts one more subscription of this caller, on this WebSocket (null over SSE), or
	 * refuses it.
	 * @throws TooMany past either limit
	 */
	public Held hold(Caller caller, String socket) {
		String who = caller.id();
		if (!take(byCaller, who, perCaller)) {
			throw new TooMany("the caller already has " + perCaller + " subscriptions open, the most allowed; end one"
					+ " before starting another", perCaller);
		}
		if (socket != null && !take(bySocket, socket, perSocket)) {
			give(byCaller, who);
			throw new TooMany("this connection already has " + perSocket + " subscriptions open, the most allowed;"
					+ " end one before starting another", perSocket);
		}
		AtomicBoolean released = new AtomicBoolean();
		return () -> {
			if (released.compareAndSet(false, true)) {
				give(byCaller, who);
				if (socket != null) {
					give(bySocket, socket);
				}
			}
		};
	}

	/** Adds one unless that would pass the limit. */
	private static boolean take(Map<String, Integer> counts, String key, int limit) {
		boolean[] taken = new boolean[1];
		counts.compute(key, (k, count) -> {
			int now = count == null ? 0 : count;
			taken[0] = now < limit;
			return taken[0] ? now + 1 : (count == null ? null : count);
		});
		return taken[0];
	}

	private static void give(Map<String, Integer> counts, String key) {
		counts.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
	}

}
