package uk.cin.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * A request whose connection closed before it could be answered (its client went away, or
 * {@link ConnectionGuard} cut a body that came too slowly) has nobody left to answer: it
 * ends quietly, with a line at DEBUG. Left to WebFlux, each was logged as "500 Server
 * Error" with a stack trace, one per connection a slow client made.
 */
@Component
// Ahead of EndpointErrors (-2), which would answer and log a closed connection as an
// unexpected failure.
@Order(-3)
public class ClosedConnections implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ClosedConnections.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (failure instanceof AbortedException || DisconnectedClientHelper.isClientDisconnectedException(failure)) {
			log.debug("{} {}: the connection closed before the request was answered", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath().value());
			return Mono.empty();
		}
		return Mono.error(failure);
	}

}
