package uk.cin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import uk.cin.MovingClock;

class VerifiedTokensTest {

	private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

	private static final Duration SKEW = Duration.ofSeconds(5);

	private final AtomicInteger verifications = new AtomicInteger();

	private final MovingClock clock = new MovingClock(ZoneOffset.UTC, NOW);

	/** Verifies "good-..." tokens, expiring a minute from NOW; refuses any other. */
	private final ReactiveJwtDecoder provider = token -> {
		verifications.incrementAndGet();
		if (!token.startsWith("good-") || !clock.instant().isBefore(NOW.plusSeconds(60).plus(SKEW))) {
			return Mono.error(new BadJwtException("refused"));
		}
		return Mono.just(Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("s")
			.issuedAt(NOW)
			.expiresAt(NOW.plusSeconds(60))
			.build());
	};

	private final VerifiedTokens tokens = new VerifiedTokens(provider, SKEW, clock);

	@Test
	void aTokenVerifiedOnceIsTakenAgainWithoutVerifyingItsSignature() {
		StepVerifier.create(tokens.decode("good-1")).expectNextCount(1).verifyComplete();
		StepVerifier.create(tokens.decode("good-1")).expectNextCount(1).verifyComplete();
		assertThat(verifications).hasValue(1);
		StepVerifier.create(tokens.decode("good-2")).expectNextCount(1).verifyComplete();
		assertThat(verifications).as("another token is verified").hasValue(2);
	}

	@Test
	void aRefusedTokenIsRefusedEveryTimeAndNeverKept() {
		StepVerifier.create(tokens.decode("forged")).expectError(BadJwtException.class).verify();
		StepVerifier.create(tokens.decode("forged")).expectError(BadJwtException.class).verify();
		assertThat(verifications).hasValue(2);
	}

	@Test
	void pastItsExpiryAndTheSkewAKeptTokenIsVerifiedAgainAndRefused() {
		StepVerifier.create(tokens.decode("good-1")).expectNextCount(1).verifyComplete();
		clock.set(NOW.plusSeconds(64));
		StepVerifier.create(tokens.decode("good-1")).expectNextCount(1).verifyComplete();
		assertThat(verifications).as("within the skew: still the kept one").hasValue(1);
		clock.set(NOW.plusSeconds(65));
		StepVerifier.create(tokens.decode("good-1")).expectError(BadJwtException.class).verify();
		assertThat(verifications).hasValue(2);
	}

}
