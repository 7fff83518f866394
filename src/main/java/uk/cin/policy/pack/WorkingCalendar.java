package uk.cin.policy.pack;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Monday to Friday, less the bank holidays of one calendar. Holidays are looked up once
 * per year and kept, with a running count of working days, so that "N working days after
 * D" is two array reads rather than a walk: the engine asks it about a hundred times per
 * evaluation.
 */
public final class WorkingCalendar {

	private final String code;

	private final String name;

	private final IntFunction<Set<LocalDate>> holidaysOfYear;

	/** The years loaded so far; replaced, never changed, when more years are needed. */
	private volatile Span span;

	/**
	 * Whole years from {@code firstDay}: holiday flags; for each day the number of
	 * working days before it, so that the working days in [a, b) are
	 * {@code workingBefore[b] - workingBefore[a]}; and the day of the n-th working day.
	 */
	private record Span(int firstYear, int lastYear, long firstDay, boolean[] holiday, int[] workingBefore,
			int[] nthWorkingDay, LocalDate[] dates) {

		boolean covers(long epochDay) {
			return epochDay >= firstDay && epochDay - firstDay < holiday.length;
		}

		int index(long epochDay) {
			return (int) (epochDay - firstDay);
		}

		/**
		 * The date at an index, made once: LocalDate is immutable, so a racing second
		 * copy is harmless.
		 */
		LocalDate date(int index) {
			LocalDate date = dates[index];
			if (date == null) {
				date = LocalDate.ofEpochDay(firstDay + index);
				dates[index] = date;
			}
			return date;
		}
	}

	public WorkingCalendar(String code, String name, IntFunction<Set<LocalDate>> holidaysOfYear) {
		this.code = code;
		this.name = name;
		this.holidaysOfYear = holidaysOfYear;
	}

	public String code() {
		return code;
	}

	public String name() {
		return name;
	}

	public boolean isBankHoliday(LocalDate date) {
		long day = date.toEpochDay();
		Span s = covering(day, day);
		return s.holiday()[s.index(day)];
	}

	private static boolean isWeekday(long epochDay) {
		// 1970-01-01 was a Thursday: (epochDay + 3) mod 7 is 0 on Mondays, 5 and 6 at the
		// weekend.
		return Math.floorMod(epochDay + 3, 7) < 5;
	}

	/** N working days after D: D itself never counts (docs/policy-rules.md §1). */
	public LocalDate plusWorkingDays(LocalDate date, int days) {
		return days == 0 ? date : plusWorkingDays(date.toEpochDay(), days);
	}

	/** N working days after the day with this epoch day number. */
	public LocalDate plusWorkingDays(long from, int days) {
		// N working days never take more than N weeks plus the longest run of holidays
		// (Christmas and New Year).
		Span s = covering(from, from + 7L * days + 14);
		// Working days up to and including D, plus N: the answer is that working day,
		// counted from 1.
		int n = s.workingBefore()[s.index(from) + 1] + days;
		return days == 0 ? s.date(s.index(from)) : s.date(s.nthWorkingDay()[n - 1]);
	}

	/** N working days before D, counted the same way backwards. */
	public LocalDate minusWorkingDays(LocalDate date, int days) {
		return days == 0 ? date : minusWorkingDays(date.toEpochDay(), days);
	}

	/** N working days before the day with this epoch day number. */
	public LocalDate minusWorkingDays(long from, int days) {
		Span s = covering(from - 7L * days - 14, from);
		// Working days strictly before D, less N, plus one: that working day, counted
		// from 1.
		int n = s.workingBefore()[s.index(from)] - days;
		return days == 0 ? s.date(s.index(from)) : s.date(s.nthWorkingDay()[n]);
	}

	/**
	 * The date with this epoch day number; cheaper than LocalDate.ofEpochDay for days the
	 * calendar has loaded.
	 */
	public LocalDate day(long epochDay) {
		Span s = covering(epochDay, epochDay);
		return s.date(s.index(epochDay));
	}

	private Span covering(long firstDay, long lastDay) {
		Span current = span;
		if (current != null && current.covers(firstDay) && current.covers(lastDay + 1)) {
			return current;
		}
		return load(firstDay, lastDay + 1);
	}

	private synchronized Span load(long firstDay, long lastDay) {
		Span current = span;
		if (current != null && current.covers(firstDay) && current.covers(lastDay)) {
			return current;
		}
		// Load a few years around those asked for, so that nearby questions need no
		// reload.
		int first = LocalDate.ofEpochDay(firstDay).getYear() - 2;
		int last = LocalDate.ofEpochDay(lastDay).getYear() + 2;
		if (current != null) {
			first = Math.min(first, current.firstYear());
			last = Math.max(last, current.lastYear());
		}
		long start = LocalDate.of(first, 1, 1).toEpochDay();
		int length = (int) (LocalDate.of(last + 1, 1, 1).toEpochDay() - start);
		boolean[] holiday = new boolean[length];
		for (int y = first; y <= last; y++) {
			for (LocalDate h : holidaysOfYear.apply(y)) {
				long offset = h.toEpochDay() - start;
				if (offset >= 0 && offset < length) {
					holiday[(int) offset] = true;
				}
			}
		}
		int[] workingBefore = new int[length + 1];
		int[] nthWorkingDay = new int[length];
		for (int i = 0; i < length; i++) {
			boolean working = isWeekday(start + i) && !holiday[i];
			if (working) {
				nthWorkingDay[workingBefore[i]] = i;
			}
			workingBefore[i + 1] = workingBefore[i] + (working ? 1 : 0);
		}
		span = new Span(first, last, start, holiday, workingBefore, nthWorkingDay, new LocalDate[length]);
		return span;
	}

	@Override
	public String toString() {
		return code;
	}

}
