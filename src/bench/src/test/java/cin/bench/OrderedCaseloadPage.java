package cin.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Workload 1b, the ordered caseload page: a manager's first 50 open plans, next review due first (keyset order from
 * plan_review), with child, family, the derived fields and the open deadlines, by 32 clients each sending the next request as soon as the last is answered.
 */
public class OrderedCaseloadPage extends Simulation {

    static final String QUERY = """
            {"query": "{ plans(filter: {status: OPEN}, first: 50, orderBy: {field: NEXT_REVIEW_DUE}) { edges { node { id status nextReviewDue isOverdue \
            requiredChairRole child { id givenName familyName family { id name team } } \
            deadlines { kind dueDate status isOverdue responsibleRole } } } pageInfo { hasNextPage endCursor } } }"}""";

    private static ChainBuilder page(String name) {
        return exec(http(name).post("/graphql").body(StringBody(QUERY))
                .check(status().is(200), jsonPath("$.errors").notExists(),
                        jsonPath("$.data.plans.edges[49].node.id").exists()));
    }

    // Each client warms up, then is measured: requests named "warmup" are left out of the figures.
    private final ScenarioBuilder clients = scenario("ordered caseload").during(Bench.WARMUP).on(page("warmup"))
            .during(Bench.MEASURED).on(page("ordered caseload page"));

    {
        String token = Bench.token("TEAM_MANAGER");
        setUp(clients.injectOpen(atOnceUsers(Bench.CLIENTS))).protocols(Bench.protocol(token));
    }
}
