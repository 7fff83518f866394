package uk.cin.config;

import java.time.Duration;

/**
 * What one request may ask of the service. Each refusal names its code and the limit.
 *
 * @param maxDepth deepest field nesting
 * @param maxCost most objects a query may ask for: each field's count multiplies down the
 * tree, a list counting its {@code first} argument or, where it has none,
 * {@code listEstimate}
 * @param listEstimate the count assumed for a list without {@code first} (a plan's
 * meetings, a family's children)
 * @param maxAliases most aliased fields in one document
 * @param maxRootFields most top-level fields in one operation
 * @param maxBodyBytes largest request body (413 above it)
 * @param timeout longest a query or mutation may run
 * @param maxFragmentDepth longest chain of fragments spreading each other, checked before
 * the document is validated
 */
public record Limits(int maxDepth, int maxCost, int listEstimate, int maxAliases, int maxRootFields, int maxBodyBytes,
		Duration timeout, int maxFragmentDepth) {

	public Limits {
		maxDepth = maxDepth <= 0 ? 12 : maxDepth;
		maxCost = maxCost <= 0 ? 25_000 : maxCost;
		listEstimate = listEstimate <= 0 ? 10 : listEstimate;
		maxAliases = maxAliases <= 0 ? 30 : maxAliases;
		maxRootFields = maxRootFields <= 0 ? 10 : maxRootFields;
		maxBodyBytes = maxBodyBytes <= 0 ? 256 * 1024 : maxBodyBytes;
		timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
		maxFragmentDepth = maxFragmentDepth <= 0 ? 50 : maxFragmentDepth;
	}
}
