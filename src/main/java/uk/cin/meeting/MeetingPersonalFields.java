package uk.cin.meeting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import uk.cin.security.Redaction;

/** The names of the people at a meeting, withheld from roles that may not see them. */
@Configuration(proxyBeanMethods = false)
class MeetingPersonalFields {

	@Bean
	RuntimeWiringConfigurer attendeeNames() {
		return wiring -> wiring.type("Attendee", type -> type.dataFetcher("name",
				Redaction.guarded("Attendee.name", Attendee::name, Redaction.WITHHELD)));
	}

}
