/**
 * Each plan's deadline timeline, stored for lists that filter, order and count in SQL.
 */
@ApplicationModule(allowedDependencies = { "bulk", "policy", "policy :: pack" })
@NullMarked
package uk.cin.deadline;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
