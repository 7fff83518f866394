package uk.cin.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * Facts about a plan that switch rules on or off. The field names are the contract's
 * PlanFlagsInput names, and the names policy packs use in their conditions.
 * SUPERVISION_ORDER is not in the contract's core (NOT-14 needs it).
 */
public enum PlanFlag {

	HELD_IN_MAT("heldInMat"), STUDENT_SOCIAL_WORKER("studentSocialWorker"), NRPF_ONLY("nrpfOnly"),
	SECTION7_ONLY("section7Only"), LONG_TERM_SUPPORT("longTermSupport"), EXCEPTION_GROUP("exceptionGroup"),
	SUPERVISION_ORDER("supervisionOrder");

	private final String fieldName;

	PlanFlag(String fieldName) {
		this.fieldName = fieldName;
	}

	public String fieldName() {
		return fieldName;
	}

	public static Optional<PlanFlag> byFieldName(String name) {
		return Arrays.stream(values()).filter(f -> f.fieldName.equals(name)).findFirst();
	}

}
