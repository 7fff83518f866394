package uk.cin.family;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.api.ApiException;
import uk.cin.api.Batches;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.api.Inputs;
import uk.cin.api.PageInfo;
import uk.cin.api.Refusal;
import uk.cin.api.UserError;
import uk.cin.family.FamilyRepository.Found;
import uk.cin.family.FamilyRepository.SearchKey;
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
	/**
	 * Whether the authority in scope has any family yet (the demo data loads only into an
	 * empty one).
	 */
	public Mono<Boolean> anyFamilies() {
		return families.countFamilies().map(n -> n > 0);
	}

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

	public record FamilyEdge(String cursor, Family node) {
	}

	public record FamilyConnection(List<FamilyEdge> edges, PageInfo pageInfo) {
	}

	public record ChildEdge(String cursor, Child node) {
	}

	public record ChildConnection(List<ChildEdge> edges, PageInfo pageInfo) {
	}

	/** families(search, first, after): by name, typos allowed, best match first. */
	public Mono<FamilyConnection> searchFamilies(@Nullable String search, @Nullable Integer first,
			@Nullable String after) {
		return searchAs(search, null, first, after, "families",
				(caller, key, size) -> families.searchFamilies(search(search), caller.teamFilter(), key, size + 1))
			.map(page -> new FamilyConnection(
					page.edges().stream().map(e -> new FamilyEdge(e.cursor(), e.node())).toList(), page.pageInfo()));
	}

	/** children(search, dateOfBirth, first, after): by name and/or date of birth. */
	public Mono<ChildConnection> searchChildren(@Nullable String search, @Nullable LocalDate dateOfBirth,
			@Nullable Integer first, @Nullable String after) {
		return searchAs(search, dateOfBirth, first, after, "children",
				(caller, key, size) -> families.searchChildren(search(search), dateOfBirth, caller.teamFilter(), key,
						size + 1))
			.map(page -> new ChildConnection(
					page.edges().stream().map(e -> new ChildEdge(e.cursor(), e.node())).toList(), page.pageInfo()));
	}

	private interface Search<T> {

		Flux<Found<T>> run(Caller caller, @Nullable SearchKey after, int size);

	}

	private record Edge<T>(String cursor, T node) {
	}

	private record Page<T>(List<Edge<T>> edges, PageInfo pageInfo) {
	}

	private static final int MAX_PAGE = 500;

	private static final int SHORTEST_SEARCH = 3;

	/** Longer than any name: a search past it only costs trigram work. */
	private static final int LONGEST_SEARCH = 200;

	private <T> Mono<Page<T>> searchAs(@Nullable String search, @Nullable LocalDate bornOn, @Nullable Integer first,
			@Nullable String after, String list, Search<T> query) {
		int size = first == null ? 50 : first;
		if (size < 0 || size > MAX_PAGE) {
			return Mono.error(new ApiException(ApiException.INVALID, "first must be between 0 and " + MAX_PAGE));
		}
		if (search != null && (search.strip().length() < SHORTEST_SEARCH || search.length() > LONGEST_SEARCH)) {
			return Mono.error(new ApiException(ApiException.INVALID,
					"search must be " + SHORTEST_SEARCH + " to " + LONGEST_SEARCH + " characters"));
		}
		SearchKey key;
		try {
			key = after == null ? null : SearchCursor.read(list, after);
		}
		catch (ApiException e) {
			return Mono.error(e);
		}
		return Access.caller().flatMap(caller -> {
			// A search by name or birth date tells who exists: refused, never answered
			// redacted.
			if ((search != null || bornOn != null) && !caller.role().seesPersonalDetails()) {
				return Mono.error(new ApiException("NAMES_NOT_VISIBLE",
						"this role may not see names or dates of birth, so it may not search by them"));
			}
			if (!caller.role().readsRecords()) {
				return Mono.just(new Page<T>(List.of(), new PageInfo(false, after != null, null, null)));
			}
			return query.run(caller, key, size).collectList().map(found -> {
				boolean more = found.size() > size;
				List<Edge<T>> edges = found.subList(0, Math.min(size, found.size()))
					.stream()
					.map(f -> new Edge<>(SearchCursor.of(list, f.score(), idOf(f.row())), f.row()))
					.toList();
				return new Page<>(edges,
						new PageInfo(more, after != null, edges.isEmpty() ? null : edges.get(0).cursor(),
								edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
			});
		});
	}

	private static UUID idOf(Object row) {
		return row instanceof Family family ? family.id() : ((Child) row).id();
	}

	private static @Nullable String search(@Nullable String search) {
		return search == null ? null : search.strip();
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
