package uk.cin.policy.pack;

import uk.cin.policy.PlanEventKind;

/**
 * What meets a deadline: a plan event of a kind, the first visit, or the plan's closure.
 */
public record MetBy(Type type, PlanEventKind event) {

	public enum Type {

		EVENT, VISIT, CLOSURE

	}

	public static MetBy event(PlanEventKind kind) {
		return new MetBy(Type.EVENT, kind);
	}
}
