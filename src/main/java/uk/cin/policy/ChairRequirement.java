package uk.cin.policy;

import java.util.List;

/**
 * Who must chair a meeting.
 *
 * @param role the role the authority designates
 * @param acceptableRoles every role the procedure accepts, the designated one first
 * @param constraint an extra condition on the chair, or null
 * @param rule the rule that decides it; null for meetings no rule covers (network meetings outside Derby)
 */
public record ChairRequirement(ChairRole role, List<ChairRole> acceptableRoles, ChairConstraint constraint,
        RuleRef rule) {

    public ChairRequirement {
        acceptableRoles = List.copyOf(acceptableRoles);
    }

    /** Whether a meeting chaired by this role (and, where known, by the case's own team manager or not) complies. */
    public boolean isMetBy(ChairRole chair, Boolean chairIsCaseTeamManager) {
        if (!acceptableRoles.contains(chair)) {
            return false;
        }
        return constraint != ChairConstraint.NOT_CASE_TEAM_MANAGER || !Boolean.TRUE.equals(chairIsCaseTeamManager);
    }
}
