/**
 * The policy engine: a plan's facts, a date and an authority's pack in, deadlines and
 * chairs out. Plain Java.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package uk.cin.policy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
