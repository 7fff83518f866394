package uk.cin.family;

import java.time.Clock;
import java.time.LocalDate;
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
import uk.cin.api.ApiException;
import uk.cin.api.Batches;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.api.Inputs;
import uk.cin.api.Mutations;
import uk.cin.api.Refusal;
import uk.cin.api.UserError;
import uk.cin.policy.AuthorityController;
import uk.cin.policy.AuthorityController.Authority;
import uk.cin.policy.pack.PolicyPacks;
import uk.cin.security.Access;
import uk.cin.security.Caller;

/** Families and children: queries, mutations, and their fields. */
@Controller
public class FamilyController {

    public record CreateFamilyInput(String authorityCode, String name, String team, String clientMutationId) {
    }

    public record CreateFamilyPayload(Family family, List<UserError> userErrors, String clientMutationId) {
    }

    public record AddChildInput(String familyId, String givenName, String familyName, LocalDate dateOfBirth,
            Boolean disabled, String clientMutationId) {
    }

    public record AddChildPayload(Child child, List<UserError> userErrors, String clientMutationId) {
    }

    private final FamilyRepository families;
    private final PolicyPacks packs;
    private final AuthorityController authorities;
    private final Mutations mutations;
    private final Clock clock;

    public FamilyController(FamilyRepository families, PolicyPacks packs, AuthorityController authorities,
            Mutations mutations, Clock clock) {
        this.families = families;
        this.packs = packs;
        this.authorities = authorities;
        this.mutations = mutations;
        this.clock = clock;
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
        String cmid = input.clientMutationId();
        return mutations.run("createFamily", input, () -> Access.caller().flatMap(caller -> {
            Inputs in = new Inputs(clock);
            String name = in.text(input.name(), Inputs.NAME_LENGTH, "input", "name");
            if (packs.find(input.authorityCode()).isEmpty()) {
                in.add(UserError.of(ApiException.NOT_FOUND, "no such authority; see the authorities query", "input",
                        "authorityCode"));
            }
            String team = team(caller, in.optionalText(input.team(), 100, "input", "team"), in);
            if (!in.ok()) {
                return Mono.error(new Refusal(in.errors()));
            }
            if (!caller.writes(input.authorityCode(), team)) {
                return Mono.error(Access.forbidden(caller, caller.role().writesRecords()
                        ? "may create families only in its own authority and teams" : "may not write records",
                        "input", caller.authority().equals(input.authorityCode()) ? "team" : "authorityCode"));
            }
            return families.insert(new Family(UUID.randomUUID(), input.authorityCode(), team, name)).map(Family::id);
        }), id -> families.families(List.of(id)).next().map(f -> new CreateFamilyPayload(f, List.of(), cmid)),
                errors -> new CreateFamilyPayload(null, errors, cmid));
    }

    @MutationMapping
    public Mono<AddChildPayload> addChild(@Argument AddChildInput input) {
        String cmid = input.clientMutationId();
        return mutations.run("addChild", input, () -> {
            Inputs in = new Inputs(clock);
            UUID familyId = in.id(input.familyId(), NodeType.Family, "input", "familyId");
            String given = in.text(input.givenName(), Inputs.NAME_LENGTH, "input", "givenName");
            String familyName = in.text(input.familyName(), Inputs.NAME_LENGTH, "input", "familyName");
            LocalDate dob = in.pastDate(input.dateOfBirth(), "input", "dateOfBirth");
            if (!in.ok()) {
                return Mono.error(new Refusal(in.errors()));
            }
            return families.families(List.of(familyId)).next()
                    .switchIfEmpty(Mono.error(new Refusal(UserError.of(ApiException.NOT_FOUND, "no such family",
                            "input", "familyId"))))
                    .flatMap(f -> Access.write(f, "family", "input", "familyId")
                            .then(families.insert(new Child(UUID.randomUUID(), familyId, f.authorityCode(), f.team(),
                                    given, familyName, dob, Boolean.TRUE.equals(input.disabled())))))
                    .map(Child::id);
        }, id -> families.children(List.of(id)).next().map(c -> new AddChildPayload(c, List.of(), cmid)),
                errors -> new AddChildPayload(null, errors, cmid));
    }

    /** The team a new family joins: as asked, or the caller's only team; a practitioner only its own. */
    private static String team(Caller caller, String asked, Inputs in) {
        if (asked == null) {
            if (caller.teams().size() == 1) {
                return caller.teams().iterator().next();
            }
            in.add(UserError.of(ApiException.INVALID, "say which team: you belong to " + caller.teams().size(),
                    "input", "team"));
            return null;
        }
        if (!uk.cin.security.Callers.TEAM_NAME.matcher(asked).matches()) {
            in.add(UserError.of(ApiException.INVALID, "must be 1 to 100 letters, digits, spaces or - _ . ' &",
                    "input", "team"));
        }
        return asked;
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
