package uk.cin.family;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.family.FamilyService.AddChildInput;
import uk.cin.family.FamilyService.AddChildPayload;
import uk.cin.family.FamilyService.ChildConnection;
import uk.cin.family.FamilyService.CreateFamilyInput;
import uk.cin.family.FamilyService.CreateFamilyPayload;
import uk.cin.family.FamilyService.FamilyConnection;

/**
 * Families and children: queries, mutations and fields, each handed to
 * {@link FamilyService}.
 */
@Controller
public class FamilyController {

	private final FamilyService service;

	public FamilyController(FamilyService service) {
		this.service = service;
	}

	@QueryMapping
	public Mono<Family> family(@Argument String id) {
		return service.family(GlobalId.require(id, NodeType.Family));
	}

	@QueryMapping
	public Mono<Child> child(@Argument String id) {
		return service.child(GlobalId.require(id, NodeType.Child));
	}

	@QueryMapping
	public Mono<FamilyConnection> families(@Argument @Nullable String search, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return service.searchFamilies(search, first, after);
	}

	@QueryMapping
	public Mono<ChildConnection> children(@Argument @Nullable String search, @Argument @Nullable LocalDate dateOfBirth,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		return service.searchChildren(search, dateOfBirth, first, after);
	}

	@MutationMapping
	public Mono<CreateFamilyPayload> createFamily(@Argument CreateFamilyInput input) {
		return service.createFamily(input);
	}

	@MutationMapping
	public Mono<AddChildPayload> addChild(@Argument AddChildInput input) {
		return service.addChild(input);
	}

	@BatchMapping(typeName = "Family")
	public Mono<Map<Family, List<Child>>> children(List<Family> families) {
		return service.childrenOf(families);
	}

	@BatchMapping(typeName = "Child")
	public Mono<Map<Child, Family>> family(List<Child> children) {
		return service.familiesOf(children);
	}

	@BatchMapping(typeName = "Child")
	public Mono<Map<Child, List<Child>>> siblings(List<Child> children) {
		return service.siblingsOf(children);
	}

}
