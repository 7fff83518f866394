package uk.cin.ops;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import uk.cin.config.CinProperties;
import uk.cin.live.DeadlineSubscriptions;
import uk.cin.security.ExpiringSockets;

/**
 * On shutdown, before the web server's graceful shutdown waits for requests in flight:
 * every subscription ends with SHUTTING_DOWN (an {@code error} message over
 * graphql-transport-ws, the error event and the end of the stream over SSE), then every
 * WebSocket is closed with 1001 (going away). Left open they would hold the graceful
 * shutdown to its timeout and then be cut. Queries and mutations in flight are answered
 * meanwhile: the server stops taking new connections and waits for them next
 * (server.shutdown: graceful).
 */
@Component
public class SubscriptionShutdown implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionShutdown.class);

	/**
	 * After the last subscription has ended: time for its final message to be written
	 * before the close frame.
	 */
	private static final Duration FLUSH = Duration.ofMillis(200);

	private final DeadlineSubscriptions live;

	private final ExpiringSockets sockets;

	private final Duration wait;

	private volatile boolean running;

	public SubscriptionShutdown(DeadlineSubscriptions live, ExpiringSockets sockets, CinProperties properties) {
		this.live = live;
		this.sockets = sockets;
		this.wait = properties.shutdown().subscriptionsTimeout();
	}

	@Override
	public void start() {
		live.reopen();
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		int subscriptions = live.activeSubscriptions();
		int open = sockets.openCount();
		if (subscriptions > 0 || open > 0) {
			log.info("Shutting down: ending {} subscriptions and closing {} WebSockets", subscriptions, open);
		}
		live.shutDown();
		long deadline = System.nanoTime() + wait.toNanos();
		while (live.activeSubscriptions() > 0 && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(10));
		}
		if (open > 0 || sockets.openCount() > 0) {
			sleep(FLUSH);
			sockets.closeAll(CloseStatus.GOING_AWAY).block(wait);
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops before the web server's graceful shutdown (higher phases stop first). */
	@Override
	public int getPhase() {
		return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 512;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
