package uk.cin.policy.pack;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import uk.cin.policy.PlanFacts;
import uk.cin.policy.PlanFlag;
import uk.cin.policy.PlanStartReason;

/**
 * When a rule applies to a plan: start reasons (empty means any), start reasons it never
 * applies to, flags that must be set, flags that must not be, and whether the child must
 * be disabled (null: either). Tested for every slot of every plan, so it holds enum sets
 * and arrays rather than general collections.
 */
public final class Condition {

	public static final Condition ALWAYS = new Condition(Set.of(), Set.of(), Set.of(), Set.of(), null);

	private final EnumSet<PlanStartReason> startReasons;

	private final EnumSet<PlanStartReason> exceptStartReasons;

	private final PlanFlag[] flagsSet;

	private final PlanFlag[] flagsUnset;

	private final Boolean childDisabled;

	public Condition(Set<PlanStartReason> startReasons, Set<PlanStartReason> exceptStartReasons, Set<PlanFlag> flagsSet,
			Set<PlanFlag> flagsUnset, Boolean childDisabled) {
		this.startReasons = startReasons.isEmpty() ? EnumSet.noneOf(PlanStartReason.class)
				: EnumSet.copyOf(startReasons);
		this.exceptStartReasons = exceptStartReasons.isEmpty() ? EnumSet.noneOf(PlanStartReason.class)
				: EnumSet.copyOf(exceptStartReasons);
		this.flagsSet = flagsSet.toArray(PlanFlag[]::new);
		this.flagsUnset = flagsUnset.toArray(PlanFlag[]::new);
		this.childDisabled = childDisabled;
	}

	/** The start reasons it applies to; empty: any. */
	public Set<PlanStartReason> startReasons() {
		return Collections.unmodifiableSet(startReasons);
	}

	public Set<PlanStartReason> exceptStartReasons() {
		return Collections.unmodifiableSet(exceptStartReasons);
	}

	/** Flags that must be set, in flag order. */
	public Set<PlanFlag> flagsSet() {
		return flagSet(flagsSet);
	}

	/** Flags that must not be set, in flag order. */
	public Set<PlanFlag> flagsUnset() {
		return flagSet(flagsUnset);
	}

	/**
	 * Whether the child must be disabled (true), must not be (false), or either (null).
	 */
	public Boolean childDisabled() {
		return childDisabled;
	}

	/** Whether it holds for every plan. */
	public boolean isAlways() {
		return startReasons.isEmpty() && exceptStartReasons.isEmpty() && flagsSet.length == 0 && flagsUnset.length == 0
				&& childDisabled == null;
	}

	private static Set<PlanFlag> flagSet(PlanFlag[] flags) {
		EnumSet<PlanFlag> set = EnumSet.noneOf(PlanFlag.class);
		set.addAll(Arrays.asList(flags));
		return Collections.unmodifiableSet(set);
	}

	public boolean test(PlanFacts plan) {
		if (!startReasons.isEmpty() && !startReasons.contains(plan.startReason())) {
			return false;
		}
		if (exceptStartReasons.contains(plan.startReason())) {
			return false;
		}
		for (PlanFlag flag : flagsSet) {
			if (!plan.has(flag)) {
				return false;
			}
		}
		for (PlanFlag flag : flagsUnset) {
			if (plan.has(flag)) {
				return false;
			}
		}
		return childDisabled == null || childDisabled == plan.childDisabled();
	}

}
