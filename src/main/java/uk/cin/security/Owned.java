package uk.cin.security;

import java.util.UUID;
import uk.cin.api.GlobalId;

/**
 * A record that belongs to an authority and a team: what decides who may read and write
 * it.
 */
public interface Owned {

	UUID id();

	/** What kind of record it is, as its global id says. */
	GlobalId.NodeType nodeType();

	String authorityCode();

	String team();

	/** The child whose record this is part of, or null (a family's own record). */
	default UUID childId() {
		return null;
	}

}
