/** Families and their children: creating them, reading them, their personal fields. */
@ApplicationModule(allowedDependencies = { "api", "audit", "bulk", "mutation", "policy", "policy :: pack", "security" })
@NullMarked
package uk.cin.family;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
