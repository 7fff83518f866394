package uk.cin.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;
import uk.cin.live.DeadlineSubscriptions;
import uk.cin.security.EventTransactions;
import uk.cin.security.ExpiringSockets;

/**
 * Gauges of this instance's live connections: open subscriptions (WebSocket and SSE) and
 * open WebSockets, and the database transactions delivering their events (running, and
 * waiting for their turn).
 */
@Component
public class LiveMetrics implements MeterBinder {

	private final DeadlineSubscriptions live;

	private final ExpiringSockets sockets;

	private final EventTransactions transactions;

	public LiveMetrics(DeadlineSubscriptions live, ExpiringSockets sockets, EventTransactions transactions) {
		this.live = live;
		this.sockets = sockets;
		this.transactions = transactions;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("cin.subscriptions.active", live, DeadlineSubscriptions::activeSubscriptions)
			.description("deadlinesChanged subscriptions open on this instance (WebSocket and SSE)")
			.register(registry);
		Gauge.builder("cin.websockets.open", sockets, ExpiringSockets::openCount)
			.description("graphql-transport-ws connections open on this instance")
			.register(registry);
		Gauge.builder("cin.live.transactions.running", transactions, EventTransactions::running)
			.description("Database transactions delivering subscription events now (at most"
					+ " cin.live.event-transactions)")
			.register(registry);
		Gauge.builder("cin.live.transactions.waiting", transactions, EventTransactions::waiting)
			.description("Subscription events' database transactions waiting for their turn")
			.register(registry);
		FunctionCounter.builder("cin.live.transactions", transactions, EventTransactions::started)
			.description("Database transactions that delivered subscription events (shared by an event's"
					+ " subscribers where they can be)")
			.register(registry);
	}

}
