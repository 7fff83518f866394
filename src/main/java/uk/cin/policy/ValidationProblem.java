package uk.cin.policy;

/**
 * Bad input, found by a rule. Never an exception: the caller decides what to refuse.
 *
 * @param subjectId the id of the meeting, event or visit at fault, or null for the plan
 * itself
 * @param field the input field at fault, named as in the API (nextReviewDate, closedOn,
 * ...)
 * @param message says what is wrong and cites the rule id; it contains dates and ids
 * only, never personal data
 */
public record ValidationProblem(ValidationCode code, RuleRef rule, String subjectId, String field, String message) {
}
