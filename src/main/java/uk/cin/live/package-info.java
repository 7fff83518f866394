/**
 * Live deadline changes: recorded with each write, heard from PostgreSQL, pushed to
 * subscribers; the midnight sweep.
 */
@ApplicationModule(allowedDependencies = { "api", "config", "family", "plan", "policy", "policy :: pack", "security" })
@NullMarked
package uk.cin.live;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
