/** Operations: metrics, shutdown order, connection limits and timeouts. */
@ApplicationModule(allowedDependencies = { "config", "live", "security" })
@NullMarked
package uk.cin.ops;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
