package uk.cin.family;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.api.ApiException;
import uk.cin.api.Batches;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.api.Inputs;
import uk.cin.api.Refusal;
import uk.cin.api.UserError;
import uk.cin.mutation.Mutations;
import uk.cin.mutation.Mutations.Written;
import uk.cin.policy.pack.PolicyPacks;
import uk.cin.security.Access;
import uk.cin.security.Caller;
import uk.cin.security.Callers;

/**
 * Families and children: creating a family, adding a child. Each checks its input and the
 * caller's right first.
 */
@Service
public class FamilyService {

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

	private final Mutations mutations;

	private final Clock clock;

	public FamilyService(FamilyRepository families, PolicyPacks packs, Mutations mutations, Clock clock) {
		this.families = families;
		this.packs = packs;
		this.mutations = mutations;
		this.clock = clock;
	}

	public Mono<CreateFamilyPayload> createFamily(CreateFamilyInput input) {
		String cmid = input.clientMutationId();
		Mono<Family> access = Access.caller().flatMap(caller -> {
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
				return Mono.error(Access.forbidden(caller,
						caller.role().writesRecords() ? "may create families only in its own authority and teams"
								: "may not write records",
						"input", caller.authority().equals(input.authorityCode()) ? "team" : "authorityCode"));
			}
			return Mono.just(new Family(UUID.randomUUID(), input.authorityCode(), team, name));
		});
		return mutations.run("createFamily", input, access,
				family -> families.insert(family).thenReturn(new Written(NodeType.Family, family.id(), null)),
				id -> Access.readable(families.families(List.of(id)).next())
					.map(f -> new CreateFamilyPayload(f, List.of(), cmid)),
				errors -> new CreateFamilyPayload(null, errors, cmid));
	}

	public Mono<AddChildPayload> addChild(AddChildInput input) {
		String cmid = input.clientMutationId();
		Mono<Child> access = Mono.defer(() -> {
			Inputs in = new Inputs(clock);
			UUID familyId = in.id(input.familyId(), NodeType.Family, "input", "familyId");
			String given = in.text(input.givenName(), Inputs.NAME_LENGTH, "input", "givenName");
			String familyName = in.text(input.familyName(), Inputs.NAME_LENGTH, "input", "familyName");
			LocalDate dob = in.pastDate(input.dateOfBirth(), "input", "dateOfBirth");
			if (!in.ok()) {
				return Mono.error(new Refusal(in.errors()).about(NodeType.Family, familyId, null));
			}
			return families.families(List.of(familyId))
				.next()
				.switchIfEmpty(Mono
					.error(() -> Access.notFound("family", "input", "familyId").about(NodeType.Family, familyId, null)))
				.flatMap(family -> Access.write(family, "family", "input", "familyId")
					.thenReturn(new Child(UUID.randomUUID(), familyId, family.authorityCode(), family.team(), given,
							familyName, dob, Boolean.TRUE.equals(input.disabled()))));
		});
		return mutations.run("addChild", input, access,
				child -> families.insert(child).thenReturn(new Written(NodeType.Child, child.id(), child.id())),
				id -> Access.readable(families.children(List.of(id)).next())
					.map(c -> new AddChildPayload(c, List.of(), cmid)),
				errors -> new AddChildPayload(null, errors, cmid));
	}

	// ---- reads

	/**
	 * A family, if the caller may read it; otherwise nothing, as for an id that names
	 * nothing.
	 */
	public Mono<Family> family(UUID id) {
		return Access.readable(families.families(List.of(id)).next());
	}

	/**
	 * A child, if the caller may read it; otherwise nothing, as for an id that names
	 * nothing.
	 */
	public Mono<Child> child(UUID id) {
		return Access.readable(families.children(List.of(id)).next());
	}

	/** Children by id, as other modules' fields name them (a plan's child). */
	public Flux<Child> children(Collection<UUID> ids) {
		return families.children(ids);
	}

	public Mono<Map<Family, List<Child>>> childrenOf(List<Family> list) {
		return Batches.many(list, Family::id, families.childrenOfFamilies(list.stream().map(Family::id).toList()),
				Child::familyId);
	}

	public Mono<Map<Child, Family>> familiesOf(List<Child> list) {
		return Batches.one(list, Child::familyId,
				families.families(list.stream().map(Child::familyId).distinct().toList()), Family::id);
	}

	/** Each child's brothers and sisters: the other children of its family. */
	public Mono<Map<Child, List<Child>>> siblingsOf(List<Child> list) {
		return families.childrenOfFamilies(list.stream().map(Child::familyId).distinct().toList())
			.collectList()
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

	/**
	 * The team a new family joins: as asked, or the caller's only team; a practitioner
	 * only its own.
	 */
	private static String team(Caller caller, String asked, Inputs in) {
		if (asked == null) {
			if (caller.teams().size() == 1) {
				return caller.teams().iterator().next();
			}
			in.add(UserError.of(ApiException.INVALID, "say which team: you belong to " + caller.teams().size(), "input",
					"team"));
			return null;
		}
		if (!Callers.TEAM_NAME.matcher(asked).matches()) {
			in.add(UserError.of(ApiException.INVALID, "must be 1 to 100 letters, digits, spaces or - _ . ' &", "input",
					"team"));
		}
		return asked;
	}

}
