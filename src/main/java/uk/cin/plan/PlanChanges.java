package uk.cin.plan;

import reactor.core.publisher.Mono;
import uk.cin.policy.Evaluation;

/**
 * Told of every write to a plan, inside the writing transaction, with the plan's
 * evaluation before and after it: so that what the write changed can be announced once,
 * and only if, the transaction commits. The live module listens.
 */
public interface PlanChanges {

	/**
	 * @param before the plan's evaluation today before the write; null for a plan just
	 * opened
	 */
	Mono<Void> written(CinPlan plan, Evaluation before, Evaluation after);

}
