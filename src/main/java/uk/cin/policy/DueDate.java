package uk.cin.policy;

import java.time.LocalDate;

/**
 * A due date and the rule it comes from: the slot's rule, or one that moved the date (an
 * agreement, a milestone).
 */
record DueDate(LocalDate date, RuleRef rule) {
}
