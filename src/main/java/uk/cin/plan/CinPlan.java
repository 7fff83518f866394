package uk.cin.plan;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import uk.cin.api.GlobalId;
import uk.cin.audit.AuditTrail;
import uk.cin.audit.Audited;
import uk.cin.policy.PlanFlag;
import uk.cin.policy.PlanStartReason;
import uk.cin.policy.ReviewOutcome;
import uk.cin.security.Owned;

/**
 * A child's CIN plan as stored, with the authority and the child's disability read
 * alongside (both feed the policy), and the family's team (who may see it).
 *
 * @param version bumped by every write to the plan: two writers cannot both build on the
 * same version
 */
public record CinPlan(UUID id, UUID childId, String authorityCode, String team, boolean childDisabled,
		PlanStatus status, PlanStartReason startReason, LocalDate referralDate, LocalDate triggerDate,
		LocalDate allocatedOn, Set<PlanFlag> flagSet, Integer visitFrequencyWorkingDays, LocalDate closedOn,
		ReviewOutcome closeReason, int version) implements Owned, Audited {

	@Override
	public AuditTrail.Subject auditSubject() {
		return AuditTrail.Subject.child(childId);
	}

	@Override
	public GlobalId.NodeType nodeType() {
		return GlobalId.NodeType.CinPlan;
	}

	public enum PlanStatus {

		OPEN, CLOSED

	}

	/**
	 * Plans are map keys of every batch load of a page; hashing every field (the flag
	 * set's enums included) cost a few percent of a caseload page. Equal plans still hash
	 * alike: equality stays the record's, over every field.
	 */
	@Override
	public int hashCode() {
		return 31 * id.hashCode() + version;
	}

	/** The flags as the API shows them. */
	public record PlanFlags(boolean heldInMat, boolean studentSocialWorker, boolean nrpfOnly, boolean section7Only,
			boolean longTermSupport, boolean exceptionGroup, boolean supervisionOrder) {

		public static PlanFlags of(Set<PlanFlag> set) {
			return new PlanFlags(set.contains(PlanFlag.HELD_IN_MAT), set.contains(PlanFlag.STUDENT_SOCIAL_WORKER),
					set.contains(PlanFlag.NRPF_ONLY), set.contains(PlanFlag.SECTION7_ONLY),
					set.contains(PlanFlag.LONG_TERM_SUPPORT), set.contains(PlanFlag.EXCEPTION_GROUP),
					set.contains(PlanFlag.SUPERVISION_ORDER));
		}

		public Set<PlanFlag> toSet() {
			Set<PlanFlag> set = EnumSet.noneOf(PlanFlag.class);
			if (heldInMat) {
				set.add(PlanFlag.HELD_IN_MAT);
			}
			if (studentSocialWorker) {
				set.add(PlanFlag.STUDENT_SOCIAL_WORKER);
			}
			if (nrpfOnly) {
				set.add(PlanFlag.NRPF_ONLY);
			}
			if (section7Only) {
				set.add(PlanFlag.SECTION7_ONLY);
			}
			if (longTermSupport) {
				set.add(PlanFlag.LONG_TERM_SUPPORT);
			}
			if (exceptionGroup) {
				set.add(PlanFlag.EXCEPTION_GROUP);
			}
			if (supervisionOrder) {
				set.add(PlanFlag.SUPERVISION_ORDER);
			}
			return set;
		}
	}

	public PlanFlags flags() {
		return PlanFlags.of(flagSet);
	}
}
