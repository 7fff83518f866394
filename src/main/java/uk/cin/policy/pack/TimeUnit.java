package uk.cin.policy.pack;

import java.util.Arrays;
import java.util.Optional;

/** Units of docs/policy-rules.md §1: working days, or calendar days, weeks and months. */
public enum TimeUnit {

	WORKING_DAYS("working-days"), DAYS("days"), WEEKS("weeks"), MONTHS("months");

	private final String packName;

	TimeUnit(String packName) {
		this.packName = packName;
	}

	public String packName() {
		return packName;
	}

	/** The unit a pack names, singular or plural ("1 day", "2 days"). */
	public static Optional<TimeUnit> byPackName(String name) {
		return Arrays.stream(values())
			.filter(u -> u.packName.equals(name) || u.packName.equals(name + "s"))
			.findFirst();
	}

}
