package uk.cin.audit;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.audit.AuditTrail.Subject;
import uk.cin.family.Child;
import uk.cin.family.Family;
import uk.cin.meeting.Attendee;
import uk.cin.meeting.Meeting;
import uk.cin.plan.CinPlan;

/**
 * Notes every field read of personal data in the request's audit trail: a child's record (the Child, its CinPlan),
 * a family (its name, its children), a meeting and its attendees (names of the people at a child's meeting). Ids and
 * type names are not the record, so they are not noted.
 */
@Component
public class AuditInstrumentation extends SimplePerformantInstrumentation {

    private static final Set<String> AUDITED = Set.of("Child", "CinPlan", "Family", "Meeting", "Attendee");

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters
            parameters, InstrumentationState state) {
        GraphQLObjectType parent = parameters.getExecutionStepInfo().getObjectType();
        if (parent == null || !AUDITED.contains(parent.getName())) {
            return dataFetcher;
        }
        String type = parent.getName();
        String field = parameters.getExecutionStepInfo().getFieldDefinition().getName();
        if (field.equals("id") || field.equals("__typename")) {
            return dataFetcher;
        }
        String name = type + "." + field;
        return env -> {
            AuditTrail trail = env.getGraphQlContext().get(AuditTrail.CONTEXT_KEY);
            Subject subject = subject(env.getSource());
            if (trail != null && subject != null) {
                trail.read(subject, name);
            }
            return dataFetcher.get(env);
        };
    }

    private static Subject subject(Object source) {
        if (source instanceof Child child) {
            return Subject.child(child.id());
        }
        if (source instanceof CinPlan plan) {
            return Subject.child(plan.childId());
        }
        if (source instanceof Family family) {
            return Subject.object(NodeType.Family, family.id());
        }
        if (source instanceof Meeting meeting) {
            return Subject.object(NodeType.Meeting, meeting.id());
        }
        if (source instanceof Attendee attendee) {
            return Subject.object(NodeType.Meeting, attendee.meetingId());
        }
        return null;
    }
}
