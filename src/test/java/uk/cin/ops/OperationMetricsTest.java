package uk.cin.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Operation names are metric tags: clients choose them, so what becomes a tag is bounded.
 */
class OperationMetricsTest {

	@Test
	void namesAreKeptUpToTheCapThenNewOnesAreOther() {
		OperationMetrics metrics = new OperationMetrics(2);
		assertThat(metrics.bounded("Caseload")).isEqualTo("Caseload");
		assertThat(metrics.bounded("RecordVisit")).isEqualTo("RecordVisit");
		assertThat(metrics.bounded("Caseload")).as("a name already seen").isEqualTo("Caseload");
		assertThat(metrics.bounded("ThirdName")).isEqualTo("other");
		assertThat(metrics.bounded("RecordVisit")).isEqualTo("RecordVisit");
	}

	@Test
	void noNameIsAnonymousAndAMalformedOneIsInvalidWithoutTakingAPlace() {
		OperationMetrics metrics = new OperationMetrics(1);
		assertThat(metrics.bounded(null)).isEqualTo("anonymous");
		assertThat(metrics.bounded("")).isEqualTo("anonymous");
		assertThat(metrics.bounded("_private")).isEqualTo("invalid");
		assertThat(metrics.bounded("9lives")).isEqualTo("invalid");
		assertThat(metrics.bounded("a".repeat(65))).isEqualTo("invalid");
		assertThat(metrics.bounded("a".repeat(64))).isEqualTo("a".repeat(64));
		assertThat(metrics.bounded("Later")).isEqualTo("other");
	}

}
