package uk.cin.policy;

/** Roles that may chair a meeting or own a deadline (docs/policy-rules.md §1, contract enum ChairRole). */
public enum ChairRole {
    SOCIAL_WORKER,
    ADVANCED_SOCIAL_WORKER,
    PRACTICE_ASSESSOR,
    DEPUTY_TEAM_MANAGER,
    PRACTICE_LEAD,
    TEAM_MANAGER,
    SOCIAL_WORK_QUALIFIED_MANAGER,
    SERVICE_MANAGER,
    GROUP_MANAGER,
    CIN_REVIEWING_OFFICER,
    INDEPENDENT_REVIEWING_OFFICER,
    CHILD_PROTECTION_CHAIR
}
