package uk.cin.policy;

/**
 * A rule of docs/policy-rules.md as the API shows it: its id (NOT-04) and one-line
 * summary.
 */
public record RuleRef(String id, String summary) {

	/**
	 * Common semantics of docs/policy-rules.md §1, which have no rule id of their own.
	 */
	public static final RuleRef COMMON = new RuleRef("§1", "Common semantics of docs/policy-rules.md §1");

}
