package uk.cin.policy;

/** Kinds of bad input the engine finds. The service turns them into userErrors with these codes. */
public enum ValidationCode {
    DATE_OUT_OF_RANGE,
    AS_OF_BEFORE_PLAN,
    TRIGGER_BEFORE_REFERRAL,
    DATE_BEFORE_REFERRAL,
    MEETING_AFTER_CLOSURE,
    CLOSED_BEFORE_MINIMUM,
    CLOSED_BEFORE_REVIEW,
    UNKNOWN_MEETING,
    INTERVAL_NOT_POSITIVE,
    INTERVAL_OVER_LIMIT,
    NEXT_DATE_NOT_AFTER_MEETING,
    NEXT_DATE_OVER_LIMIT,
    VISIT_FREQUENCY_OVER_LIMIT
}
