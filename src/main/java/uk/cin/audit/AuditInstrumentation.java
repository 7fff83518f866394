package uk.cin.audit;

import graphql.execution.DataFetcherResult;
import graphql.execution.FieldCollector;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.MergedField;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.springframework.stereotype.Component;
import uk.cin.api.GlobalId.NodeType;

/**
 * Notes every read of personal data in the request's audit trail: a child's record (the
 * Child, its CinPlan), a family (its name, its children), a meeting and its attendees
 * (names of the people at a child's meeting): every {@link Audited} record. Ids and type
 * names are not the record, so they are not noted.
 * <p>
 * Only the fields that return an audited record (or a list of them, or a node that may be
 * one) are wrapped: as their records arrive, each is noted with the fields the operation
 * selects on it there, as graphql-java will execute them (fragments, type conditions,
 * {@code @skip} and {@code @include} with the request's variables). That set is worked
 * out once per place in the document and request, not on every field fetch.
 */
@Component
public class AuditInstrumentation extends SimplePerformantInstrumentation {

	private static final Set<String> AUDITED = Set.of("Child", "CinPlan", "Family", "Meeting", "Attendee");

	private final FieldCollector collector = new FieldCollector();

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		GraphQLType returned = GraphQLTypeUtil
			.unwrapAll(parameters.getExecutionStepInfo().getFieldDefinition().getType());
		if (!mayBeAudited(returned, parameters.getExecutionContext().getGraphQLSchema())) {
			return dataFetcher;
		}
		String declared = returned instanceof GraphQLObjectType object ? object.getName() : null;
		return env -> {
			AuditTrail trail = env.getGraphQlContext().get(AuditTrail.CONTEXT_KEY);
			Object value = dataFetcher.get(env);
			if (trail == null) {
				return value;
			}
			if (value instanceof CompletionStage<?> pending) {
				return pending.toCompletableFuture().thenApply(v -> {
					note(v, declared, env, trail);
					return v;
				});
			}
			note(value, declared, env, trail);
			return value;
		};
	}

	private static boolean mayBeAudited(GraphQLType type, GraphQLSchema schema) {
		if (type instanceof GraphQLObjectType object) {
			return AUDITED.contains(object.getName());
		}
		if (type instanceof GraphQLInterfaceType face) {
			return schema.getImplementations(face).stream().anyMatch(o -> AUDITED.contains(o.getName()));
		}
		if (type instanceof GraphQLUnionType union) {
			return union.getTypes().stream().map(GraphQLNamedOutputType::getName).anyMatch(AUDITED::contains);
		}
		return false;
	}

	/** Notes the audited records in a fetched value: one, a list, or wrapped. */
	private void note(Object value, String declared, DataFetchingEnvironment env, AuditTrail trail) {
		if (value instanceof DataFetcherResult<?> result) {
			note(result.getData(), declared, env, trail);
		}
		else if (value instanceof Optional<?> optional) {
			note(optional.orElse(null), declared, env, trail);
		}
		else if (value instanceof Iterable<?> values) {
			for (Object each : values) {
				note(each, declared, env, trail);
			}
		}
		else if (value instanceof Audited record) {
			// An interface's records are resolved to the type named as their class.
			String type = declared != null ? declared : record.getClass().getSimpleName();
			if (!AUDITED.contains(type)) {
				return;
			}
			MergedField field = env.getMergedField();
			Object place = field.getFieldsCount() == 1 ? field.getSingleField() : field.getFields();
			Set<String> fields = trail.selected(place, type, () -> selected(env, type));
			if (!fields.isEmpty()) {
				trail.read(subject(record, env), fields);
			}
		}
	}

	/**
	 * The record's subject; a meeting read under its plan takes the plan's child, so that
	 * the log need not look it up.
	 */
	private static AuditTrail.Subject subject(Audited record, DataFetchingEnvironment env) {
		AuditTrail.Subject subject = record.auditSubject();
		if (subject.childId() == null && subject.objectType() == NodeType.Meeting
				&& env.getSource() instanceof Audited parent) {
			UUID child = parent.auditSubject().childId();
			if (child != null) {
				return new AuditTrail.Subject(child, subject.objectType(), subject.objectId());
			}
		}
		return subject;
	}

	/**
	 * The fields the operation reads of a record of this type returned here, by name (not
	 * alias), as graphql-java collects them for execution.
	 */
	private Set<String> selected(DataFetchingEnvironment env, String type) {
		FieldCollectorParameters parameters = FieldCollectorParameters.newParameters()
			.schema(env.getGraphQLSchema())
			.objectType(env.getGraphQLSchema().getObjectType(type))
			.fragments(env.getFragmentsByName())
			.variables(env.getVariables())
			.graphQLContext(env.getGraphQlContext())
			.build();
		Set<String> fields = new TreeSet<>();
		for (MergedField sub : collector.collectFields(parameters, env.getMergedField()).getSubFieldsList()) {
			String name = sub.getName();
			if (!name.equals("id") && !name.equals("__typename")) {
				fields.add(type + "." + name);
			}
		}
		return Set.copyOf(fields);
	}

}
