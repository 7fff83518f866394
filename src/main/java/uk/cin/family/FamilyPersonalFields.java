package uk.cin.family;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import uk.cin.security.Redaction;

/**
 * A child's names and date of birth, and a family's name, withheld from roles that may
 * not see them.
 */
@Configuration(proxyBeanMethods = false)
class FamilyPersonalFields {

	@Bean
	RuntimeWiringConfigurer childAndFamilyNames() {
		return wiring -> wiring
			.type("Child", type -> type
				.dataFetcher("givenName", Redaction.guarded("Child.givenName", Child::givenName, Redaction.WITHHELD))
				.dataFetcher("familyName", Redaction.guarded("Child.familyName", Child::familyName, Redaction.WITHHELD))
				.dataFetcher("dateOfBirth", Redaction.guarded("Child.dateOfBirth", Child::dateOfBirth, null)))
			.type("Family", type -> type.dataFetcher("name",
					Redaction.guarded("Family.name", Family::name, Redaction.WITHHELD)));
	}

}
