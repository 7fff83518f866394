package uk.cin.policy.pack;

import java.time.LocalDate;

/** A duration as a policy states it: "10 working-days", "6 weeks", "3 months". */
public record Offset(int amount, TimeUnit unit) {

	public Offset {
		if (amount < 0) {
			throw new IllegalArgumentException("negative offset " + amount);
		}
	}

	/**
	 * D + this, with month-end clamping for months and bank holidays skipped for working
	 * days.
	 */
	public LocalDate after(LocalDate date, WorkingCalendar calendar) {
		return switch (unit) {
			case WORKING_DAYS -> calendar.plusWorkingDays(date, amount);
			case DAYS -> date.plusDays(amount);
			case WEEKS -> date.plusDays(7L * amount);
			case MONTHS -> date.plusMonths(amount);
		};
	}

	/**
	 * D + this, for a caller that already has D's epoch day number (the engine's hot
	 * loops).
	 */
	public LocalDate after(LocalDate date, long epochDay, WorkingCalendar calendar) {
		return switch (unit) {
			case WORKING_DAYS -> amount == 0 ? date : calendar.plusWorkingDays(epochDay, amount);
			case DAYS -> amount == 0 ? date : calendar.day(epochDay + amount);
			case WEEKS -> amount == 0 ? date : calendar.day(epochDay + 7L * amount);
			case MONTHS -> date.plusMonths(amount);
		};
	}

	/**
	 * D − this ("X before the meeting"), in the same units; epochDay is D's day number.
	 */
	public LocalDate before(LocalDate date, long epochDay, WorkingCalendar calendar) {
		return switch (unit) {
			case WORKING_DAYS -> amount == 0 ? date : calendar.minusWorkingDays(epochDay, amount);
			case DAYS -> amount == 0 ? date : calendar.day(epochDay - amount);
			case WEEKS -> amount == 0 ? date : calendar.day(epochDay - 7L * amount);
			case MONTHS -> date.minusMonths(amount);
		};
	}

	@Override
	public String toString() {
		String name = unit == TimeUnit.WORKING_DAYS ? "working days" : unit.packName();
		return amount + " " + (amount == 1 ? name.substring(0, name.length() - 1) : name);
	}
}
