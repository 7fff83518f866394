/**
 * Who the caller is and what it may read and write: tokens, roles, row-level security
 * transactions.
 */
@ApplicationModule(allowedDependencies = { "api", "config", "limits", "localdb", "policy", "policy :: pack" })
@NullMarked
package uk.cin.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
