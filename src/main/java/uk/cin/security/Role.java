package uk.cin.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do: every chair role, plus BI_ANALYST and AUDITOR. Practitioners see
 * and write their own teams' families; managers and reviewing officers (who chair across
 * teams) see and write every team of their authority; only managers close plans;
 * BI_ANALYST reads the whole authority without names or dates of birth; AUDITOR reads the
 * audit log and nothing else.
 */
public enum Role {

	SOCIAL_WORKER, ADVANCED_SOCIAL_WORKER, PRACTICE_ASSESSOR, DEPUTY_TEAM_MANAGER, PRACTICE_LEAD, TEAM_MANAGER,
	SOCIAL_WORK_QUALIFIED_MANAGER, SERVICE_MANAGER, GROUP_MANAGER, CIN_REVIEWING_OFFICER, INDEPENDENT_REVIEWING_OFFICER,
	CHILD_PROTECTION_CHAIR, BI_ANALYST, AUDITOR;

	private static final Set<Role> MANAGERS = EnumSet.of(TEAM_MANAGER, SOCIAL_WORK_QUALIFIED_MANAGER, SERVICE_MANAGER,
			GROUP_MANAGER);

	private static final Set<Role> REVIEWING_OFFICERS = EnumSet.of(CIN_REVIEWING_OFFICER, INDEPENDENT_REVIEWING_OFFICER,
			CHILD_PROTECTION_CHAIR);

	/** Reads children's records at all. */
	public boolean readsRecords() {
		return this != AUDITOR;
	}

	/** Reads every team of the authority, not only the user's own. */
	public boolean seesAllTeams() {
		return MANAGERS.contains(this) || REVIEWING_OFFICERS.contains(this) || this == BI_ANALYST;
	}

	/** Records families, children, plans, meetings, events and visits. */
	public boolean writesRecords() {
		return this != BI_ANALYST && this != AUDITOR;
	}

	/** Closes plans: TEAM_MANAGER and above. */
	public boolean closesPlans() {
		return MANAGERS.contains(this);
	}

	/** Sees names and dates of birth. */
	public boolean seesPersonalDetails() {
		return this != BI_ANALYST && this != AUDITOR;
	}

	public boolean readsAuditLog() {
		return this == AUDITOR;
	}

}
