/**
 * Shared GraphQL plumbing: ids, errors and their codes, inputs, scalars, interceptor
 * order, correlation ids.
 */
@ApplicationModule(allowedDependencies = { "config" })
@NullMarked
package uk.cin.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
