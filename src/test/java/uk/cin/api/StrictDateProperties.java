package uk.cin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Date scalar over generated texts: every real day written YYYY-MM-DD is read as
 * exactly that day; every day past its month's end is refused, never moved to the last
 * day; and any other text (a real date with a character changed, added or taken away) is
 * read only if it is still a real day written YYYY-MM-DD, as that day.
 */
class StrictDateProperties {

	static LongStream seeds() {
		return LongStream.rangeClosed(1, 400);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aDateIsReadAsWrittenOrRefused(long seed) {
		Random random = new Random(seed);
		int year = 1900 + random.nextInt(300);
		int month = 1 + random.nextInt(12);
		int day = 1 + random.nextInt(31);
		String text = "%04d-%02d-%02d".formatted(year, month, day);
		if (day <= YearMonth.of(year, month).lengthOfMonth()) {
			assertThat(StrictDate.parse(text)).isEqualTo(LocalDate.of(year, month, day));
		}
		else {
			assertThatThrownBy(() -> StrictDate.parse(text)).isInstanceOf(DateTimeException.class)
				.hasMessage(StrictDate.NO_SUCH_DAY);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aChangedTextIsReadOnlyWhenItIsStillARealDay(long seed) {
		Random random = new Random(seed);
		LocalDate real = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(110_000));
		String changed = change(real.toString(), random);
		LocalDate expected = realDay(changed);
		if (expected != null) {
			assertThat(StrictDate.parse(changed)).as(changed).isEqualTo(expected);
		}
		else {
			assertThatThrownBy(() -> StrictDate.parse(changed)).as(changed)
				.isInstanceOf(DateTimeException.class)
				.satisfies(e -> assertThat(e.getMessage())
					.doesNotContain(changed.strip().isEmpty() ? "\u0000" : changed.strip()));
		}
	}

	private static final String CHARACTERS = "0123456789-/ T:+.Z\u0660\u0969a\t";

	/** The text with one character replaced, inserted or removed. */
	private static String change(String text, Random random) {
		StringBuilder changed = new StringBuilder(text);
		int at = random.nextInt(text.length() + 1);
		char c = CHARACTERS.charAt(random.nextInt(CHARACTERS.length()));
		switch (random.nextInt(3)) {
			case 0 -> changed.insert(at, c);
			case 1 -> {
				if (at < changed.length()) {
					changed.deleteCharAt(at);
				}
			}
			default -> {
				if (at < changed.length()) {
					changed.setCharAt(at, c);
				}
			}
		}
		return changed.toString();
	}

	/**
	 * The day a text names, worked out without the scalar: ten ASCII characters,
	 * YYYY-MM-DD, a real day.
	 */
	private static LocalDate realDay(String text) {
		if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
			return null;
		}
		for (int i : new int[] { 0, 1, 2, 3, 5, 6, 8, 9 }) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return null;
			}
		}
		int year = Integer.parseInt(text.substring(0, 4));
		int month = Integer.parseInt(text.substring(5, 7));
		int day = Integer.parseInt(text.substring(8, 10));
		if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

}
