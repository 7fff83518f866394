/** The service's settings under cin, each default written once. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package uk.cin.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
