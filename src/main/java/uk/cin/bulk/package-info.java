/** Rows written in JDBC batches, for the caseload generator's bulk loads. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package uk.cin.bulk;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
