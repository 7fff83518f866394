package uk.cin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.cin.policy.pack.PolicyPack;

/**
 * An authority's policy table: each subclass gives its pack and a static {@code rows()};
 * every row is checked against the engine, and every rule id of the pack must have at
 * least one row.
 */
abstract class PolicyTable {

	/** The pack the rows are checked against. */
	abstract PolicyPack pack();

	/** The same rows as the subclass's static rows(), for the coverage check. */
	abstract Stream<PolicyCase> table();

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void row(PolicyCase row) {
		row.verify(pack());
	}

	@Test
	void everyRuleOfThePackHasARow() {
		assertThat(table().map(PolicyCase::ruleId).toList()).containsAll(pack().ruleSummaries().keySet());
	}

}
