package uk.cin.policy;

import java.util.List;

/**
 * Who must chair a meeting.
 *
 * @param role the role the authority designates
 * @param acceptableRoles every role the procedure accepts, the designated one first
 * @param constraint an extra condition on the chair, or null
 * @param rule the rule that decides it; null for meetings no rule covers (network
 * meetings outside Derby)
 */
public record ChairRequirement(ChairRole role, List<ChairRole> acceptableRoles, ChairConstraint constraint,
		RuleRef rule) {

	public ChairRequirement {
		acceptableRoles = List.copyOf(acceptableRoles);
	}

	/**
	 * Whether a meeting chaired by this role (and, where known, by the case's own team
	 * manager or not) complies. Both constraints rule out the case's own team manager:
	 * one independent of the case cannot be its team manager (DER-07 accepts a team
	 * manager who is not, as DER-04 does).
	 */
	public boolean isMetBy(ChairRole chair, Boolean chairIsCaseTeamManager) {
		if (!acceptableRoles.contains(chair)) {
			return false;
		}
		return constraint == null || !Boolean.TRUE.equals(chairIsCaseTeamManager);
	}
}
