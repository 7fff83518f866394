/** Trusted documents: registered operations clients may send by id. */
@ApplicationModule(allowedDependencies = { "api", "config", "localdb", "security" })
@NullMarked
package uk.cin.trusted;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
