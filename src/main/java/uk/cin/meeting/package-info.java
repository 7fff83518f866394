/**
 * Meetings held on plans and their attendees: recording one, and what the policy says of
 * it.
 */
@ApplicationModule(allowedDependencies = { "api", "audit", "bulk", "mutation", "plan", "policy", "security" })
@NullMarked
package uk.cin.meeting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
