/** The local authorities and their policy packs, as the API shows them. */
@ApplicationModule(allowedDependencies = { "policy", "policy :: pack", "security" })
@NullMarked
package uk.cin.authority;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
