package uk.cin.family;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import uk.cin.api.Batches;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.family.FamilyService.AddChildInput;
import uk.cin.family.FamilyService.AddChildPayload;
import uk.cin.family.FamilyService.CreateFamilyInput;
import uk.cin.family.FamilyService.CreateFamilyPayload;
import uk.cin.authority.AuthorityController;
import uk.cin.authority.AuthorityController.Authority;
import uk.cin.security.Access;

/** Families and children: queries, mutations (FamilyService), and their fields. */
@Controller
public class FamilyController {

    private final FamilyRepository families;
    private final FamilyService service;
    private final AuthorityController authorities;

    public FamilyController(FamilyRepository families, FamilyService service, AuthorityController authorities) {
        this.families = families;
        this.service = service;
        this.authorities = authorities;
    }

    @QueryMapping
    public Mono<Family> family(@Argument String id) {
        UUID familyId = GlobalId.require(id, NodeType.Family);
        return Access.readable(families.families(List.of(familyId)).next());
    }

    @QueryMapping
    public Mono<Child> child(@Argument String id) {
        UUID childId = GlobalId.require(id, NodeType.Child);
        return Access.readable(families.children(List.of(childId)).next());
    }

    @MutationMapping
    public Mono<CreateFamilyPayload> createFamily(@Argument CreateFamilyInput input) {
        return service.createFamily(input);
    }

    @MutationMapping
    public Mono<AddChildPayload> addChild(@Argument AddChildInput input) {
        return service.addChild(input);
    }

    @SchemaMapping(typeName = "Family", field = "id")
    public String familyId(Family family) {
        return GlobalId.of(NodeType.Family, family.id());
    }

    @SchemaMapping(typeName = "Family")
    public Authority authority(Family family) {
        return authorities.authority(family.authorityCode());
    }

    @BatchMapping(typeName = "Family")
    public Mono<Map<Family, List<Child>>> children(List<Family> list) {
        return Batches.many(list, Family::id, families.childrenOfFamilies(list.stream().map(Family::id).toList()),
                Child::familyId);
    }

    @SchemaMapping(typeName = "Child", field = "id")
    public String childId(Child child) {
        return GlobalId.of(NodeType.Child, child.id());
    }

    @BatchMapping(typeName = "Child")
    public Mono<Map<Child, Family>> family(List<Child> list) {
        return Batches.one(list, Child::familyId,
                families.families(list.stream().map(Child::familyId).distinct().toList()), Family::id);
    }

    @BatchMapping(typeName = "Child")
    public Mono<Map<Child, List<Child>>> siblings(List<Child> list) {
        return families.childrenOfFamilies(list.stream().map(Child::familyId).distinct().toList()).collectList()
                .map(all -> {
                    Map<Child, List<Child>> result = new LinkedHashMap<>();
                    for (Child c : list) {
                        List<Child> siblings = new ArrayList<>();
                        for (Child other : all) {
                            if (other.familyId().equals(c.familyId()) && !other.id().equals(c.id())) {
                                siblings.add(other);
                            }
                        }
                        result.put(c, siblings);
                    }
                    return result;
                });
    }
}
