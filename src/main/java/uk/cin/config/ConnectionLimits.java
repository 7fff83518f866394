package uk.cin.config;

import java.time.Duration;

/**
 * What one instance's HTTP port takes from its clients' connections (see README, Limits
 * and Operations). The idle timeout between requests is Spring Boot's
 * {@code server.netty.idle-timeout}.
 *
 * @param maxOpen connections open at once; one more is still accepted into the health
 * reserve, then closed at once
 * @param healthReserve connections accepted beyond {@code maxOpen} that may only ask for
 * health ({@code GET /actuator/health...}), one request each; anything else there gets
 * 503 TOO_MANY_CONNECTIONS
 * @param headerTimeout longest a request's head (request line and headers) may take to
 * arrive, counted from the connection's opening, or from the first byte of a later
 * request on it
 * @param bodyReadTimeout longest wait for the next bytes of a request's body
 * @param bodyTimeout longest a request's whole body may take to arrive
 */
public record ConnectionLimits(int maxOpen, Integer healthReserve, Duration headerTimeout, Duration bodyReadTimeout,
		Duration bodyTimeout) {

	public ConnectionLimits {
		maxOpen = maxOpen <= 0 ? 5_000 : maxOpen;
		healthReserve = healthReserve == null || healthReserve < 0 ? 20 : healthReserve;
		headerTimeout = positive(headerTimeout, Duration.ofSeconds(10));
		bodyReadTimeout = positive(bodyReadTimeout, Duration.ofSeconds(10));
		bodyTimeout = positive(bodyTimeout, Duration.ofSeconds(30));
	}

	private static Duration positive(Duration configured, Duration otherwise) {
		return configured == null || configured.isZero() || configured.isNegative() ? otherwise : configured;
	}
}
