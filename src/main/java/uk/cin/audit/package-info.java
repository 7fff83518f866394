/**
 * The audit log: who read or wrote which child's record, appended in the transaction of
 * what it records.
 */
@ApplicationModule(allowedDependencies = { "api", "security" })
@NullMarked
package uk.cin.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
