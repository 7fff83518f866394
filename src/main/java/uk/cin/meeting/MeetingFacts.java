package uk.cin.meeting;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.cin.plan.HeldMeeting;
import uk.cin.plan.RecordedMeetings;

/** The plans' meetings for their evaluation, from this module's table. */
@Component
class MeetingFacts implements RecordedMeetings {

	private final MeetingRepository meetings;

	MeetingFacts(MeetingRepository meetings) {
		this.meetings = meetings;
	}

	@Override
	public Mono<Map<UUID, List<HeldMeeting>>> of(Collection<UUID> planIds) {
		return meetings.ofPlans(planIds)
			.collect(Collectors.groupingBy(Meeting::planId,
					Collectors.mapping(HeldMeeting.class::cast, Collectors.toList())));
	}

}
