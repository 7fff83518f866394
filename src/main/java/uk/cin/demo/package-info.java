/** Made-up families for the local profile, loaded through the services. */
@ApplicationModule(
		allowedDependencies = { "api", "config", "family", "meeting", "plan", "policy", "policy :: pack", "security" })
@NullMarked
package uk.cin.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
