/**
 * The policy packs: each authority's procedure as YAML, read into rules of their kinds;
 * the engine's named interface.
 */
@NamedInterface("pack")
@NullMarked
package uk.cin.policy.pack;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
