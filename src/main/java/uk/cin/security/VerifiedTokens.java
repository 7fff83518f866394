package uk.cin.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A token verified once is taken again without checking its signature: a client sends the
 * same token with every request until it expires, and the signature check was a fortieth
 * of a caseload page's CPU. Only a verified token is kept, under its exact text, for at
 * most {@link #KEPT} (so that a key withdrawn from the identity provider's set stops
 * working within that time) and never past its expiry plus the clock skew, checked again
 * at each use.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

	/** How long a verified token is taken without checking its signature again. */
	static final Duration KEPT = Duration.ofMinutes(5);

	private static final int MAX_TOKENS = 5_000;

	private final ReactiveJwtDecoder decoder;

	private final Duration clockSkew;

	private final Clock clock;

	private final Cache<String, Jwt> verified = Caffeine.newBuilder()
		.maximumSize(MAX_TOKENS)
		.expireAfterWrite(KEPT)
		.build();

	VerifiedTokens(ReactiveJwtDecoder decoder, Duration clockSkew, Clock clock) {
		this.decoder = decoder;
		this.clockSkew = clockSkew;
		this.clock = clock;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = verified.getIfPresent(token);
		if (known != null) {
			Instant expires = known.getExpiresAt();
			if (expires != null && clock.instant().isBefore(expires.plus(clockSkew))) {
				return Mono.just(known);
			}
			// Past its time: the decoder refuses it, as it would any expired token.
			verified.invalidate(token);
		}
		return decoder.decode(token).doOnNext(jwt -> verified.put(token, jwt));
	}

}
