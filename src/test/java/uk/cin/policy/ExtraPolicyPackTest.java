package uk.cin.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cin.policy.ChairRole.SERVICE_MANAGER;
import static uk.cin.policy.ChairRole.SOCIAL_WORKER;
import static uk.cin.policy.ChairRole.TEAM_MANAGER;
import static uk.cin.policy.DeadlineKind.INITIAL_MEETING;
import static uk.cin.policy.DeadlineKind.INVITATIONS_SENT;
import static uk.cin.policy.DeadlineKind.MANAGEMENT_OVERSIGHT;
import static uk.cin.policy.DeadlineKind.MEETING_RECORDED;
import static uk.cin.policy.DeadlineStatus.MET;
import static uk.cin.policy.DeadlineStatus.MET_LATE;
import static uk.cin.policy.DeadlineStatus.PENDING;
import static uk.cin.policy.MeetingKind.PLANNING;
import static uk.cin.policy.MeetingKind.REVIEW;
import static uk.cin.policy.PlanStartReason.AFTER_ASSESSMENT;
import static uk.cin.policy.PolicyCase.plan;
import static uk.cin.policy.PolicyCase.rule;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.policy.pack.PolicyPackLoader;

/**
 * A sixth authority needs only a pack file and a table like this one. The pack is a test
 * resource, on the Scotland calendar (2 January is a bank holiday there, Easter Monday is
 * not), so its dates differ from an English pack's.
 */
class ExtraPolicyPackTest extends PolicyTable {

	static final PolicyPack WESSEX = new PolicyPackLoader()
		.loadClasspath("extra-policies", ExtraPolicyPackTest.class.getClassLoader())
		.get(0);

	/**
	 * Initial meeting 7 January 2026 (on time), first review 4 February, second review 4
	 * April.
	 */
	static PolicyCase.Plan reviewed() {
		return plan(AFTER_ASSESSMENT, "2025-12-01", "2025-12-29").planning("p1", "2026-01-07", TEAM_MANAGER)
			.review("r1", "2026-02-04", SOCIAL_WORKER);
	}

	static Stream<PolicyCase> rows() {
		return Stream.of(
				// Mon 29 Dec + 5 WD on the Scotland calendar: 30, 31 Dec, (1 and 2 Jan
				// holidays), 5, 6, 7 Jan.
				rule("WES-01", "5 working days over New Year on the pack's own calendar",
						plan(AFTER_ASSESSMENT, "2025-12-01", "2025-12-29"))
					.asOf("2026-01-02")
					.expect(INITIAL_MEETING, "2026-01-07", PENDING)
					.next(PLANNING, "2026-01-07", "WES-01", TEAM_MANAGER),
				// 7 Jan + 4 weeks = 4 Feb.
				rule("WES-02", "first review 4 weeks after the initial meeting",
						plan(AFTER_ASSESSMENT, "2025-12-01", "2025-12-29").planning("p1", "2026-01-07", TEAM_MANAGER))
					.asOf("2026-01-08")
					.next(REVIEW, "2026-02-04", "WES-02", SOCIAL_WORKER),
				// 4 Feb + 2 months = 4 April.
				rule("WES-03", "later reviews 2 months apart", reviewed()).asOf("2026-02-05")
					.next(REVIEW, "2026-04-04", "WES-03", SOCIAL_WORKER),
				// 4 Feb + 3 weeks = 25 Feb.
				rule("WES-03", "an agreed shorter interval", reviewed().agreedWeeks(3)).asOf("2026-02-05")
					.next(REVIEW, "2026-02-25", "WES-03", SOCIAL_WORKER),
				rule("WES-03", "an agreed interval over 2 months is refused", reviewed().agreedWeeks(10))
					.asOf("2026-02-05")
					.problem(ValidationCode.INTERVAL_OVER_LIMIT, "WES-03"),
				// Third meeting 4 April; the fourth is due 4 June and chaired by a
				// service manager.
				rule("WES-04", "the fourth meeting's chair", reviewed().review("r2", "2026-04-04", SOCIAL_WORKER))
					.asOf("2026-04-05")
					.next(REVIEW, "2026-06-04", "WES-03", SERVICE_MANAGER)
					.nextChair("WES-04", List.of(SERVICE_MANAGER), null),
				// 7 Jan + 6 months = 7 July.
				rule("WES-05", "oversight 6 months from plan start", reviewed()).asOf("2026-02-05")
					.expect(MANAGEMENT_OVERSIGHT, "2026-07-07", PENDING),
				// Tue 7 Apr − 5 WD in Scotland: Mon 6 Apr counts (no Easter Monday), Fri
				// 3 Apr is Good Friday: 6, 2, 1, 31 Mar, 30 Mar.
				rule("WES-06", "invitations 5 working days before a review",
						reviewed().review("r2", "2026-04-07", SOCIAL_WORKER)
							.event(PlanEventKind.INVITATIONS_SENT, "2026-03-30"))
					.asOf("2026-04-08")
					.expectMet(INVITATIONS_SENT, "2026-03-30", MET, "2026-03-30"),
				// 7 Jan + 3 days = 10 Jan.
				rule("WES-07", "meeting recorded two days late",
						reviewed().event(PlanEventKind.MEETING_RECORDED, "2026-01-12"))
					.asOf("2026-01-20")
					.expectMet(MEETING_RECORDED, "2026-01-10", MET_LATE, "2026-01-12"));
	}

	@Override
	PolicyPack pack() {
		return WESSEX;
	}

	@Override
	Stream<PolicyCase> table() {
		return rows();
	}

	@Test
	void theExtraPackIsAPackLikeAnyOther() {
		assertThat(WESSEX.code()).isEqualTo("wessex");
		assertThat(WESSEX.calendar().name()).isEqualTo("Scotland");
		assertThat(PolicyCase.PACKS.find("wessex")).as("test packs stay out of the built-in set").isEmpty();
	}

}
