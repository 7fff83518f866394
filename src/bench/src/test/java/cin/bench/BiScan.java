package cin.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Workload 2, the BI scan: every open plan of the authority with its deadlines as of a past date (31 March), paged
 * to the end by a BI analyst, one scan after another. The group "bi scan" times each whole scan.
 */
public class BiScan extends Simulation {

    static final String AS_OF = System.getProperty("bench.asOf", "2026-03-31");
    static final int PAGE = Integer.getInteger("bench.page", 500);
    static final int SCANS = Integer.getInteger("bench.scans", 5);

    private static final String QUERY = "{\"query\": \"query($after: String) { plans(filter: {status: OPEN}, first: "
            + PAGE + ", after: $after) { edges { node { id status nextReviewDue(asOf: \\\"" + AS_OF + "\\\")"
            + " isOverdue(asOf: \\\"" + AS_OF + "\\\") requiredChairRole(asOf: \\\"" + AS_OF + "\\\") child { id family { id team } }"
            + " deadlines(asOf: \\\"" + AS_OF + "\\\") { kind dueDate status isOverdue responsibleRole } } }"
            + " pageInfo { hasNextPage endCursor } } }\", \"variables\": {\"after\": #{after}}}";

    private final ScenarioBuilder scan = scenario("bi").repeat(SCANS + 1, "scan").on(
            exec(session -> session.set("after", "null").set("more", true).set("plans", 0))
                    .group(session -> session.getInt("scan") == 0 ? "warmup scan" : "bi scan").on(
                            asLongAs(session -> session.getBoolean("more")).on(
                                    exec(http("bi page").post("/graphql").body(StringBody(QUERY))
                                            .check(status().is(200), jsonPath("$.errors").notExists(),
                                                    jsonPath("$.data.plans.pageInfo.hasNextPage").ofBoolean()
                                                            .saveAs("more"),
                                                    jsonPath("$.data.plans.pageInfo.endCursor").optional()
                                                            .saveAs("cursor"),
                                                    jsonPath("$.data.plans.edges[*].node.id").count()
                                                            .saveAs("count")))
                                            .exec(session -> session.set("after",
                                                    "\"" + session.getString("cursor") + "\"")
                                                    .set("plans", session.getInt("plans") + session.getInt("count")))))
                    .exec(session -> {
                        System.out.println("scan " + session.getInt("scan") + ": " + session.getInt("plans")
                                + " open plans");
                        return session;
                    }));

    {
        String token = Bench.token("BI_ANALYST");
        setUp(scan.injectOpen(atOnceUsers(1))).protocols(Bench.protocol(token));
    }
}
