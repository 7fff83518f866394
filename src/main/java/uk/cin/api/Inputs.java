package uk.cin.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Checks a mutation's input field by field, collecting userErrors with the field's path.
 * Messages never quote the input back.
 */
public final class Inputs {

	public static final int NAME_LENGTH = 200;

	/**
	 * The earliest date an input may give: the policy engine's range starts there too.
	 */
	public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

	private final List<UserError> errors = new ArrayList<>();

	private final LocalDate today;

	public Inputs(Clock clock) {
		this.today = LocalDate.now(clock);
	}

	public List<UserError> errors() {
		return errors;
	}

	public boolean ok() {
		return errors.isEmpty();
	}

	public void add(UserError error) {
		errors.add(error);
	}

	/** A required text: not blank, at most {@code max} characters. Returns it trimmed. */
	public String text(String value, int max, String... path) {
		String cleaned = value == null ? null : optionalText(value, max, path);
		if (cleaned == null) {
			// Blank, or nothing left once control characters are taken out.
			errors.add(UserError.of(ApiException.INVALID, "must not be blank", path));
		}
		return cleaned;
	}

	/**
	 * An optional text of at most {@code max} characters. Returns it trimmed, or null.
	 */
	public String optionalText(String value, int max, String... path) {
		if (value == null) {
			return null;
		}
		String trimmed = withoutControlCharacters(value, max > NAME_LENGTH).strip();
		if (trimmed.length() > max) {
			errors.add(UserError.of(ApiException.INVALID, "must be at most " + max + " characters", path));
		}
		return trimmed.isEmpty() ? null : trimmed;
	}

	/**
	 * The text without control characters (they have no place in a record and can corrupt
	 * what displays or logs it); long texts keep line breaks and tabs.
	 */
	static String withoutControlCharacters(String value, boolean keepLineBreaks) {
		StringBuilder clean = new StringBuilder(value.length());
		value.codePoints().forEach(c -> {
			boolean control = Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT;
			if (!control || (keepLineBreaks && (c == '\n' || c == '\t'))) {
				clean.appendCodePoint(c);
			}
		});
		return clean.toString();
	}

	/** A date that has happened: not in the future, not before 1900. */
	public LocalDate pastDate(LocalDate value, String... path) {
		if (value == null) {
			return null;
		}
		if (value.isAfter(today)) {
			errors.add(UserError.of(ApiException.INVALID, "must not be in the future (today is " + today + ")", path));
		}
		else if (value.isBefore(EARLIEST_DATE)) {
			errors.add(UserError.of(ApiException.INVALID, "must not be before " + EARLIEST_DATE, path));
		}
		return value;
	}

	/** A date that may lie ahead, within the engine's range. */
	public LocalDate anyDate(LocalDate value, String... path) {
		if (value != null && (value.isBefore(EARLIEST_DATE) || value.isAfter(today.plusYears(5)))) {
			errors.add(UserError.of(ApiException.INVALID,
					"must be between " + EARLIEST_DATE + " and " + today.plusYears(5), path));
		}
		return value;
	}

	public Integer range(Integer value, int min, int max, String... path) {
		if (value != null && (value < min || value > max)) {
			errors.add(UserError.of(ApiException.INVALID, "must be between " + min + " and " + max, path));
		}
		return value;
	}

	/** The uuid of a global id of this type, or null with a userError. */
	public UUID id(String value, GlobalId.NodeType type, String... path) {
		try {
			return GlobalId.require(value, type);
		}
		catch (ApiException e) {
			errors.add(UserError.of(e.code(), e.getMessage(), path));
			return null;
		}
	}

}
