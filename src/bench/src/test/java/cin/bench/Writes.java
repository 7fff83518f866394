package cin.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.uniformRandomSwitch;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Workload 3, writes: recordMeeting (a network meeting with two attendees), recordPlanEvent (management oversight)
 * and recordVisit (the child seen), a third each, on random open plans, by 32 clients. Each write rewrites the plan's stored deadlines and
 * records a change for subscribers, as a real one does; a write that comes back with userErrors counts as failed.
 */
public class Writes extends Simulation {

    private static final String TODAY = LocalDate.now().toString();

    private static final String MEETING = "{\"query\": \"mutation($input: RecordMeetingInput!) { recordMeeting(input:"
            + " $input) { meeting { id } userErrors { code field } } }\", \"variables\": {\"input\": {\"planId\":"
            + " \"#{plan}\", \"kind\": \"NETWORK\", \"heldOn\": \"" + TODAY + "\", \"chairRole\": \"SOCIAL_WORKER\","
            + " \"attendees\": [{\"name\": \"Bench attendee\", \"role\": \"School\"}, {\"name\": \"Bench parent\","
            + " \"role\": \"Parent\"}]}}}";
    private static final String EVENT = "{\"query\": \"mutation($input: RecordPlanEventInput!) { recordPlanEvent(input:"
            + " $input) { plan { id } userErrors { code field } } }\", \"variables\": {\"input\": {\"planId\":"
            + " \"#{plan}\", \"kind\": \"MANAGEMENT_OVERSIGHT\", \"occurredOn\": \"" + TODAY + "\"}}}";

    private static final String VISIT = "{\"query\": \"mutation($input: RecordVisitInput!) { recordVisit(input:"
            + " $input) { plan { id } userErrors { code field } } }\", \"variables\": {\"input\": {\"planId\":"
            + " \"#{plan}\", \"visitedOn\": \"" + TODAY + "\", \"childSeen\": true, \"seenAlone\": false}}}";

    private static ChainBuilder write(String phase) {
        return uniformRandomSwitch().on(
                exec(http(phase + "recordMeeting").post("/graphql")
                        .body(StringBody(MEETING)).check(status().is(200), jsonPath("$.errors").notExists(),
                                jsonPath("$.data.recordMeeting.userErrors[0]").notExists())),
                exec(http(phase + "recordPlanEvent").post("/graphql")
                        .body(StringBody(EVENT)).check(status().is(200), jsonPath("$.errors").notExists(),
                                jsonPath("$.data.recordPlanEvent.userErrors[0]").notExists())),
                exec(http(phase + "recordVisit").post("/graphql")
                        .body(StringBody(VISIT)).check(status().is(200), jsonPath("$.errors").notExists(),
                                jsonPath("$.data.recordVisit.userErrors[0]").notExists())));
    }

    {
        String token = Bench.token("TEAM_MANAGER");
        List<String> plans = Bench.openPlanIds(token, 5000);
        Iterator<Map<String, Object>> feeder = Stream.generate(() -> Map.<String, Object>of("plan",
                plans.get(ThreadLocalRandom.current().nextInt(plans.size())))).iterator();
        ScenarioBuilder clients = scenario("writes").during(Bench.WARMUP).on(feed(feeder).exec(write("warmup ")))
                .during(Bench.MEASURED).on(feed(feeder).exec(write("")));
        setUp(clients.injectOpen(atOnceUsers(Bench.CLIENTS))).protocols(Bench.protocol(token));
    }
}
