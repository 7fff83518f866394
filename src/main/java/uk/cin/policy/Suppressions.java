package uk.cin.policy;

import java.util.List;
import uk.cin.policy.pack.Occurrence;
import uk.cin.policy.pack.SuppressRule;

/**
 * The evaluator of suppress rules: which series give no deadlines for a plan (DER-12).
 */
final class Suppressions {

	private final List<SuppressRule> rules;

	Suppressions(List<SuppressRule> rules) {
		this.rules = List.copyOf(rules);
	}

	boolean suppresses(Occurrence occurrence, PlanFacts plan) {
		for (int i = 0; i < rules.size(); i++) {
			SuppressRule rule = rules.get(i);
			if (rule.occurrences().contains(occurrence) && rule.when().test(plan)) {
				return true;
			}
		}
		return false;
	}

}
