package uk.cin.policy;

/** Something a meeting must focus on, such as CAM-12's TRAJECTORY_REVIEW. */
public record ReviewFocus(String code, RuleRef rule) {
}
