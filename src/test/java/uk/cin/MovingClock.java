package uk.cin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test sets and moves: every reader sees the instant last set, in any zone it
 * asks for.
 */
public final class MovingClock extends Clock {

	private final ZoneId zone;

	private final AtomicReference<Instant> now;

	public MovingClock(ZoneId zone, Instant now) {
		this(zone, new AtomicReference<>(now));
	}

	private MovingClock(ZoneId zone, AtomicReference<Instant> now) {
		this.zone = zone;
		this.now = now;
	}

	/** Moves the clock, and every copy of it in another zone, to this instant. */
	public void set(Instant instant) {
		now.set(instant);
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MovingClock(zone, now);
	}

	@Override
	public Instant instant() {
		return now.get();
	}

}
