/** node(id): any object by its global id. */
@ApplicationModule(allowedDependencies = { "api", "family", "meeting", "plan" })
@NullMarked
package uk.cin.node;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
