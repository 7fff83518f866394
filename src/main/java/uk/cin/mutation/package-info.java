/**
 * How every mutation runs: access first, then the write from a savepoint,
 * clientMutationId receipts, the audit row.
 */
@ApplicationModule(allowedDependencies = { "api", "audit", "security" })
@NullMarked
package uk.cin.mutation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
