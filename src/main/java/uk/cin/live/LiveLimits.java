package uk.cin.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What subscriptions may take of one instance (see README, Limits). Counted on each instance.
 *
 * @param eventTransactions database transactions that deliver events (the reads of an event's fields, their audit,
 *     a resumed subscription's missed changes) open at once, whatever the number of subscribers: the rest of the
 *     connection pool stays free for queries and mutations
 * @param eventWait how long such a transaction waits for its turn before the subscription ends with
 *     SUBSCRIPTIONS_BUSY
 */
@ConfigurationProperties("cin.live")
public record LiveLimits(int eventTransactions, Duration eventWait) {

    public LiveLimits {
        eventTransactions = eventTransactions <= 0 ? 4 : eventTransactions;
        eventWait = eventWait == null || eventWait.isZero() || eventWait.isNegative() ? Duration.ofSeconds(5)
                : eventWait;
    }
}
