package uk.cin.policy.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

	private static final WorkingCalendar ENGLAND = Calendars.named("england-and-wales").orElseThrow();

	@ParameterizedTest(name = "{0} bank holiday: {1}")
	@CsvSource({ "2026-01-01, true", // New Year's Day
			"2026-04-03, true", // Good Friday
			"2026-04-06, true", // Easter Monday
			"2026-05-04, true", // Early May
			"2026-05-25, true", // Spring
			"2026-08-31, true", // Summer
			"2026-12-25, true", // Christmas Day, a Friday
			"2026-12-28, true", // Boxing Day falls on a Saturday: the Monday is the bank
								// holiday
			"2026-12-26, false", "2026-04-02, false", "2027-01-01, true", "2027-03-26, true", // Good
																								// Friday
																								// 2027
			"2027-03-29, true", // Easter Monday 2027
	})
	void bankHolidaysOfEnglandAndWales(LocalDate date, boolean holiday) {
		assertThat(ENGLAND.isBankHoliday(date)).isEqualTo(holiday);
	}

	@ParameterizedTest(name = "{0} + {1} working days = {2}")
	@CsvSource({ "2026-01-02, 10, 2026-01-16", // docs/policy-rules.md §1's own example
			"2026-03-25, 10, 2026-04-10", // over Easter
			"2026-12-18, 10, 2027-01-06", // over Christmas and New Year
			"2026-05-19, 5, 2026-05-27", // over the Spring bank holiday
			"2026-01-03, 1, 2026-01-05", // from a Saturday
			"2026-01-05, 0, 2026-01-05", })
	void workingDaysAfter(LocalDate from, int days, LocalDate expected) {
		assertThat(ENGLAND.plusWorkingDays(from, days)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} - {1} working days = {2}")
	@CsvSource({ "2026-04-07, 2, 2026-04-01", // back over Easter Monday and Good Friday
			"2027-01-04, 4, 2026-12-24", // back over New Year (31, 30, 29 Dec) and
											// Christmas (28, 25 Dec) to 24 Dec
			"2026-05-26, 1, 2026-05-22", })
	void workingDaysBefore(LocalDate from, int days, LocalDate expected) {
		assertThat(ENGLAND.minusWorkingDays(from, days)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}: Scotland {1}")
	@CsvSource({ "2026-01-02, true", "2026-04-06, false", "2026-11-30, true", })
	void otherCalendarsDiffer(LocalDate date, boolean holiday) {
		assertThat(Calendars.named("scotland").orElseThrow().isBankHoliday(date)).isEqualTo(holiday);
	}

}
