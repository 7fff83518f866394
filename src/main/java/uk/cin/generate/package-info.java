/**
 * The caseload generator: made-up families by the thousand, straight into the database
 * through each module's bulk rows.
 */
@ApplicationModule(allowedDependencies = { "deadline", "family", "meeting", "plan", "policy", "policy :: pack" })
@NullMarked
package uk.cin.generate;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
