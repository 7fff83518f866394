package uk.cin.policy.pack;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of rule a policy pack may hold: the {@code type:} of a rule in a pack file,
 * and the keys a rule of that type may have. Each kind has its method in
 * {@link PackRule.Visitor}, so a new constant here is read by the loader's switch and
 * handled by every visitor (the engine, the rules reference) before the code compiles
 * again.
 */
public enum RuleKind {

	SERIES("series", "occurrence", "event", "slot", "anchor", "due", "agreed", "deadline", "meetingKind", "chair",
			"responsible", "onlyWhileDueWithin", "limitRule", "exception"),
	DEADLINE("deadline", "anchor", "meetings", "anchorEvent", "alternatives", "due", "deadline", "metBy",
			"responsible"),
	MILESTONE("milestone", "anchor", "at", "every", "deadline", "metBy", "responsible"),
	BEFORE_MEETING("before-meeting", "meetings", "before", "deadline", "metBy", "responsible"),
	CHAIR("chair", "slot", "sequence", "finalMeeting", "firstReviewDueFrom", "dueByMilestone", "chair"),
	FOCUS("focus", "slot", "sequence", "finalMeeting", "firstReviewDueFrom", "dueByMilestone", "focus"),
	CLOSURE_GUARD("closure-guard", "anchor", "minimum", "untilHeld"), SUPPRESS("suppress", "occurrences"),
	LIMIT("limit");

	private final String packName;

	private final Set<String> keys;

	RuleKind(String packName, String... specific) {
		this.packName = packName;
		Set<String> all = new HashSet<>(commonKeys());
		all.addAll(Arrays.asList(specific));
		this.keys = Set.copyOf(all);
	}

	/** The name a pack file gives the kind ({@code type: before-meeting}). */
	public String packName() {
		return packName;
	}

	/** Every key a rule of this kind may have, the common ones included. */
	public Set<String> keys() {
		return keys;
	}

	/** Keys every rule may have, whatever its kind. */
	public static List<String> commonKeys() {
		return List.of("id", "partOf", "summary", "type", "when");
	}

	public static Optional<RuleKind> byPackName(String name) {
		for (RuleKind kind : values()) {
			if (kind.packName.equals(name)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
