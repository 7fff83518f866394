package uk.cin.policy.pack;

/**
 * Position in a series. FIRST is the initial meeting (or, for a plan that starts by
 * step-down, the first review); SECOND is the first review after an initial meeting;
 * LATER is every one after.
 */
public enum Slot {

	FIRST, SECOND, LATER

}
