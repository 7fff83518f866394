package uk.cin.node;

import uk.cin.api.ApiException;
import uk.cin.api.GlobalId;

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
        return switch (global.type()) {
            case Family -> Access.readable(families.families(ids).next()).cast(Object.class);
            case Child -> Access.readable(families.children(ids).next()).cast(Object.class);
            case CinPlan -> Access.readable(plans.plans(ids).next()).cast(Object.class);
            // A meeting is as readable as its plan.
            case Meeting -> plans.meetingsById(ids).next()
                    .filterWhen(m -> Access.readable(plans.plans(List.of(m.planId())).next()).hasElement())
                    .cast(Object.class);
        };
    }
}
