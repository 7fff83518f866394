/** The service's own PostgreSQL, when no database is configured (the local profile). */
@ApplicationModule(allowedDependencies = { "config" })
@NullMarked
package uk.cin.localdb;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
