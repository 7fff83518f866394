package uk.cin.node;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import uk.cin.api.ApiException;
import uk.cin.api.GlobalId;
import uk.cin.family.FamilyService;
import uk.cin.meeting.MeetingService;
import uk.cin.plan.PlanService;

/**
 * node(id): any object by its global id. A malformed id is an error with a code; an
 * unknown one is null.
 */
@Controller
public class NodeController {

	private final FamilyService families;

	private final PlanService plans;

	private final MeetingService meetings;

	public NodeController(FamilyService families, PlanService plans, MeetingService meetings) {
		this.families = families;
		this.plans = plans;
		this.meetings = meetings;
	}

	/** What the caller may not read answers exactly as an id that names nothing. */
	@QueryMapping
	public Mono<Object> node(@Argument String id) {
		GlobalId global = GlobalId.decode(id)
			.orElseThrow(() -> new ApiException(ApiException.INVALID_ID, "not a valid id"));
		return switch (global.type()) {
			case Family -> families.family(global.uuid()).cast(Object.class);
			case Child -> families.child(global.uuid()).cast(Object.class);
			case CinPlan -> plans.plan(global.uuid()).cast(Object.class);
			case Meeting -> meetings.readable(global.uuid()).cast(Object.class);
		};
	}

}
