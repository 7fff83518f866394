package uk.cin.security;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import uk.cin.family.Child;
import uk.cin.family.Family;
import uk.cin.meeting.Attendee;

/**
 * Names and dates of birth, withheld from roles that may not see them (BI_ANALYST). The contract makes the names
 * non-null, and a null there would blank the whole enclosing object, so a withheld name reads REDACTED; a withheld
 * date of birth is null. Either way one error per field and request, coded REDACTED, says why.
 */
@Configuration(proxyBeanMethods = false)
class Redaction {

    static final String WITHHELD = "REDACTED";
    private static final String REPORTED = "cin.redactionsReported";

    @Bean
    RuntimeWiringConfigurer personalFields() {
        return wiring -> wiring
                .type("Child", type -> type
                        .dataFetcher("givenName", guarded("Child.givenName", Child::givenName, WITHHELD))
                        .dataFetcher("familyName", guarded("Child.familyName", Child::familyName, WITHHELD))
                        .dataFetcher("dateOfBirth", guarded("Child.dateOfBirth", Child::dateOfBirth, null)))
                .type("Family", type -> type.dataFetcher("name", guarded("Family.name", Family::name, WITHHELD)))
                .type("Attendee", type -> type.dataFetcher("name", guarded("Attendee.name", Attendee::name,
                        WITHHELD)));
    }

    private static <S> DataFetcher<Object> guarded(String field, Function<S, Object> value, Object withheld) {
        return env -> {
            Caller caller = env.getGraphQlContext().get(Caller.CONTEXT_KEY);
            S source = env.getSource();
            if (caller != null && caller.role().seesPersonalDetails()) {
                return value.apply(source);
            }
            DataFetcherResult.Builder<Object> result = DataFetcherResult.newResult().data(withheld);
            if (firstTime(env, field)) {
                result.error(GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN)
                        .message(field + " is withheld from the role " + (caller == null ? "" : caller.role())
                                + ": it never sees names or dates of birth")
                        .extensions(Map.of("code", WITHHELD)).build());
            }
            return result.build();
        };
    }

    private static boolean firstTime(DataFetchingEnvironment env, String field) {
        Set<String> reported = env.getGraphQlContext().computeIfAbsent(REPORTED, k -> ConcurrentHashMap.newKeySet());
        return reported.add(field);
    }
}
