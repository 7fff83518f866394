package uk.cin.policy;

/**
 * docs/policy-rules.md §1: MET on or before the due date, MET_LATE after it, else OVERDUE
 * once asOf is past it.
 */
public enum DeadlineStatus {

	PENDING, OVERDUE, MET, MET_LATE;

	public boolean isOpen() {
		return this == PENDING || this == OVERDUE;
	}

}
