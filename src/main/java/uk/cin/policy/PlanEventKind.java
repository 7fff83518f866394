package uk.cin.policy;

/** Things recorded on a plan that meet (or, for MHA_S136_INCIDENT, start) a deadline. */
public enum PlanEventKind {
    PLAN_DISTRIBUTED,
    PLAN_UPDATED,
    MEETING_RECORDED,
    MANAGER_SIGN_OFF,
    INVITATIONS_SENT,
    REPORT_SHARED,
    REPORT_APPROVED,
    CASE_SUMMARY,
    MANAGEMENT_OVERSIGHT,
    STEP_DOWN_PREPARATION,
    MHA_S136_INCIDENT,
    MHA_S136_REVIEW
}
