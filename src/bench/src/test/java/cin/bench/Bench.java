package cin.bench;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every workload shares: where the service is, a token from its local profile, how long to run. */
final class Bench {

    static final String URL = System.getProperty("cin.url", "http://localhost:18090");
    /** The largest authority of the generated data (about a third of the families). */
    static final String AUTHORITY = System.getProperty("bench.authority", "camden");
    static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 15));
    static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Bench() {
    }

    static String token(String role) {
        String body = "{\"authority\": \"" + AUTHORITY + "\", \"teams\": [\"team-a\"], \"role\": \"" + role + "\"}";
        String answer = post("/local/token", null, body);
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer);
        if (!token.find()) {
            throw new IllegalStateException("no token from " + URL + "/local/token (is the local profile running?)");
        }
        return token.group(1);
    }

    static HttpProtocolBuilder protocol(String token) {
        return http.baseUrl(URL).contentTypeHeader("application/json").acceptHeader("application/json")
                .authorizationHeader("Bearer " + token).shareConnections();
    }

    /** Open plans' ids, read a page at a time before the load starts (for the writes). */
    static List<String> openPlanIds(String token, int wanted) {
        List<String> ids = new ArrayList<>();
        String after = null;
        Pattern id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
        Pattern end = Pattern.compile("\"endCursor\"\\s*:\\s*\"([^\"]+)\"");
        while (ids.size() < wanted) {
            String query = "{\"query\": \"query($after: String) { plans(filter: {status: OPEN}, first: 500, after: $after)"
                    + " { edges { node { id } } pageInfo { hasNextPage endCursor } } }\", \"variables\": {\"after\": "
                    + (after == null ? "null" : "\"" + after + "\"") + "}}";
            String answer = post("/graphql", token, query);
            Matcher m = id.matcher(answer);
            while (m.find()) {
                ids.add(m.group(1));
            }
            Matcher next = end.matcher(answer);
            if (!answer.contains("\"hasNextPage\":true") || !next.find()) {
                break;
            }
            after = next.group(1);
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no open plans in " + AUTHORITY + ": generate the data first");
        }
        return ids;
    }

    private static String post(String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + URL + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
