/**
 * GraphiQL for the local profile, served from the jar: nothing is loaded from the
 * network.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package uk.cin.graphiql;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
