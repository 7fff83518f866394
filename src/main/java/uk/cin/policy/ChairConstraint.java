package uk.cin.policy;

/** An extra condition on who chairs, beyond the role. */
public enum ChairConstraint {

	/**
	 * Chaired by someone independent of the case (a reviewing officer); where a team
	 * manager is accepted instead, not the case's own (DER-07).
	 */
	INDEPENDENT,
	/** A team manager, but not the case's own team manager (DER-04). */
	NOT_CASE_TEAM_MANAGER

}
