package uk.cin.policy.pack;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The bank-holiday calendars a policy pack may name. Holidays come from Jollyday's United
 * Kingdom configuration; England and Wales share one set of bank holidays (Jollyday
 * subdivision "eng").
 */
public final class Calendars {

	private static final Map<String, String[]> KNOWN = Map.of("england-and-wales",
			new String[] { "England and Wales", "eng" }, "scotland", new String[] { "Scotland", "sct" },
			"northern-ireland", new String[] { "Northern Ireland", "nir" });

	private static final Map<String, WorkingCalendar> CALENDARS = new ConcurrentHashMap<>();

	private Calendars() {
	}

	public static Set<String> codes() {
		return KNOWN.keySet();
	}

	public static Optional<WorkingCalendar> named(String code) {
		String[] known = KNOWN.get(code);
		if (known == null) {
			return Optional.empty();
		}
		return Optional.of(CALENDARS.computeIfAbsent(code,
				c -> new WorkingCalendar(c, known[0], year -> holidays(year, known[1]))));
	}

	private static Set<LocalDate> holidays(int year, String subdivision) {
		return Holder.UNITED_KINGDOM.getHolidays(Year.of(year), subdivision)
			.stream()
			// The bank holiday is the observed date: Boxing Day on a Saturday is taken on
			// the Monday.
			.map(h -> h.getObservedDate().orElse(h.getDate()))
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Jollyday reads its XML configuration once, on first use. */
	private static final class Holder {

		static final HolidayManager UNITED_KINGDOM = HolidayManager
			.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));

	}

}
