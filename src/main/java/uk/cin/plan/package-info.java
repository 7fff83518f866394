/**
 * CIN plans: opening, events, visits, closing, the list, and every field the policy
 * computes.
 */
@ApplicationModule(allowedDependencies = { "api", "audit", "bulk", "config", "deadline", "family", "mutation", "policy",
		"policy :: pack", "security" })
@NullMarked
package uk.cin.plan;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
