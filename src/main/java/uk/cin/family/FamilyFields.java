package uk.cin.family;

import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;
import uk.cin.api.Fetchers;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;

/**
 * A child's and a family's ids, which every page of plans reads: fetched directly
 * ({@link Fetchers}).
 */
@Component
class FamilyFields implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Child", type -> type.dataFetcher("id", Fetchers.direct(env -> childId(env.getSource()))))
			.type("Family", type -> type.dataFetcher("id", Fetchers.direct(env -> familyId(env.getSource()))));
	}

	private static String childId(Child child) {
		return GlobalId.of(NodeType.Child, child.id());
	}

	private static String familyId(Family family) {
		return GlobalId.of(NodeType.Family, family.id());
	}

}
