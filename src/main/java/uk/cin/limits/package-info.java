/** What one request may ask of the service, and the threads GraphQL work runs on. */
@ApplicationModule(allowedDependencies = { "config" })
@NullMarked
package uk.cin.limits;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
