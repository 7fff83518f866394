package uk.cin.live;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.cin.plan.CinPlan;

/**
 * A change to a plan's deadlines, as subscribers receive it. {@code plan} is read once
 * per event on each instance, not once per subscriber.
 */
public record DeadlineChange(long id, UUID planId, String authorityCode, Cause cause, OffsetDateTime changedAt,
		LocalDate nextReviewDue, boolean isOverdue, CinPlan plan) {

	public enum Cause {

		MUTATION, TIME_PASSED

	}

	public DeadlineChange withPlan(CinPlan loaded) {
		return new DeadlineChange(id, planId, authorityCode, cause, changedAt, nextReviewDue, isOverdue, loaded);
	}

	/** The NOTIFY payload: ids, codes and dates only, never personal data. */
	String encode() {
		return id + "|" + planId + "|" + authorityCode + "|" + cause + "|" + changedAt + "|"
				+ (nextReviewDue == null ? "" : nextReviewDue) + "|" + isOverdue;
	}

	static DeadlineChange decode(String payload) {
		String[] f = payload.split("\\|", -1);
		return new DeadlineChange(Long.parseLong(f[0]), UUID.fromString(f[1]), f[2], Cause.valueOf(f[3]),
				OffsetDateTime.parse(f[4]), f[5].isEmpty() ? null : LocalDate.parse(f[5]), Boolean.parseBoolean(f[6]),
				null);
	}
}
