package uk.cin.api;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import uk.cin.family.FamilyRepository;
import uk.cin.plan.PlanRepository;
import uk.cin.security.Access;

/** node(id): any object by its global id. A malformed id is an error with a code; an unknown one is null. */
@Controller
public class NodeController {

    private final FamilyRepository families;
    private final PlanRepository plans;

    public NodeController(FamilyRepository families, PlanRepository plans) {
        this.families = families;
        this.plans = plans;
    }

    @QueryMapping
    public Mono<Object> node(@Argument String id) {
        GlobalId global = GlobalId.decode(id).orElseThrow(() -> new ApiException(ApiException.INVALID_ID,
                "not a valid id"));
        List<java.util.UUID> ids = List.of(global.uuid());
        // What the caller may not read answers exactly as an id that names nothing.
        return Access.caller().flatMap(caller -> switch (global.type()) {
            case Family -> families.families(ids).next().filter(f -> caller.reads(f.authorityCode(), f.team()))
                    .cast(Object.class);
            case Child -> families.children(ids).next().filter(c -> caller.reads(c.authorityCode(), c.team()))
                    .cast(Object.class);
            case CinPlan -> plans.plans(ids).next().filter(p -> caller.reads(p.authorityCode(), p.team()))
                    .cast(Object.class);
            case Meeting -> plans.meetingsById(ids).next().flatMap(m -> plans.plans(List.of(m.planId())).next()
                    .filter(p -> caller.reads(p.authorityCode(), p.team())).thenReturn(m)).cast(Object.class);
        });
    }
}
