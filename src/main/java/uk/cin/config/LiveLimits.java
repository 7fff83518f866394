package uk.cin.config;

import java.time.Duration;

/**
 * What subscriptions may take of one instance (see README, Limits). Counted on each
 * instance.
 *
 * @param maxSubscriptionsPerSocket subscriptions open at once on one WebSocket
 * @param maxSubscriptionsPerCaller subscriptions open at once for one caller (a token's
 * authority and subject), over every WebSocket and SSE stream together
 * @param eventTransactions database transactions that deliver events (the reads of an
 * event's fields, their audit, a resumed subscription's missed changes) open at once,
 * whatever the number of subscribers: the rest of the connection pool stays free for
 * queries and mutations
 * @param eventWait how long such a transaction waits for its turn before the subscription
 * ends with SUBSCRIPTIONS_BUSY
 */
public record LiveLimits(int maxSubscriptionsPerSocket, int maxSubscriptionsPerCaller, int eventTransactions,
		Duration eventWait) {

	public LiveLimits {
		maxSubscriptionsPerSocket = maxSubscriptionsPerSocket <= 0 ? 25 : maxSubscriptionsPerSocket;
		maxSubscriptionsPerCaller = maxSubscriptionsPerCaller <= 0 ? 50 : maxSubscriptionsPerCaller;
		eventTransactions = eventTransactions <= 0 ? 4 : eventTransactions;
		eventWait = eventWait == null || eventWait.isZero() || eventWait.isNegative() ? Duration.ofSeconds(5)
				: eventWait;
	}
}
