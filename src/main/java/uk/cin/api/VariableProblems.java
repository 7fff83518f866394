package uk.cin.api;

import graphql.GraphQLContext;
import graphql.language.Document;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a request's variables break their declared types. graphql-java refuses such a
 * request before it runs, but its message names only the variable (and for an unknown key
 * quotes the key, which comes from the client); this finds the first value that does not
 * fit, by its path inside the variable, and says why without quoting it. Run only when a
 * request was already refused, so it costs nothing on the way of a request that runs.
 */
final class VariableProblems {

	/**
	 * A value that does not fit: the variable, the path inside it (field names and list
	 * indices), and why.
	 */
	record Problem(String variable, List<Object> path, String reason) {

		/** The path as the client wrote it: {@code $in.attendees[0].name}. */
		String where() {
			StringBuilder where = new StringBuilder("$").append(variable);
			for (Object step : path) {
				if (step instanceof Integer index) {
					where.append('[').append(index).append(']');
				}
				else {
					where.append('.').append(step);
				}
			}
			return where.toString();
		}

		/**
		 * The same, as a list for {@code extensions.field}:
		 * {@code ["$in", "attendees", 0, "name"]}.
		 */
		List<Object> field() {
			List<Object> field = new ArrayList<>();
			field.add("$" + variable);
			field.addAll(path);
			return field;
		}

		String message() {
			return "Variable " + where() + " " + reason;
		}
	}

	private VariableProblems() {
	}

	/**
	 * The first value of the operation's variables that its type does not allow, if one
	 * can be found.
	 */
	static Optional<Problem> first(GraphQLSchema schema, String document, String operationName,
			Map<String, Object> variables) {
		Document parsed;
		try {
			parsed = Parser.parse(document);
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
		Optional<OperationDefinition> operation = parsed.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.filter(op -> operationName == null || operationName.equals(op.getName()))
			.findFirst();
		if (operation.isEmpty()) {
			return Optional.empty();
		}
		for (VariableDefinition definition : operation.get().getVariableDefinitions()) {
			GraphQLInputType type = inputType(schema, definition.getType());
			if (type == null) {
				continue;
			}
			boolean given = variables.containsKey(definition.getName());
			if (!given && definition.getDefaultValue() != null) {
				continue;
			}
			Found found = find(variables.get(definition.getName()), type, List.of());
			if (found != null) {
				return Optional.of(new Problem(definition.getName(), found.path(), found.reason()));
			}
		}
		return Optional.empty();
	}

	/** Where a value does not fit, and why. */
	private record Found(List<Object> path, String reason) {
	}

	private static List<Object> plus(List<Object> path, Object step) {
		List<Object> longer = new ArrayList<>(path);
		longer.add(step);
		return longer;
	}

	/** Where and why this value does not fit the type, or null when it does. */
	private static Found find(Object value, GraphQLInputType type, List<Object> path) {
		if (type instanceof GraphQLNonNull nonNull) {
			if (value == null) {
				return new Found(path, "must not be null");
			}
			return find(value, (GraphQLInputType) nonNull.getWrappedType(), path);
		}
		if (value == null) {
			return null;
		}
		if (type instanceof GraphQLList list) {
			// A single value where a list is expected stands for a list of one (GraphQL's
			// input coercion).
			List<?> items = value instanceof List<?> many ? many : List.of(value);
			for (int i = 0; i < items.size(); i++) {
				Found found = find(items.get(i), (GraphQLInputType) list.getWrappedType(), plus(path, i));
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		if (type instanceof GraphQLInputObjectType object) {
			if (!(value instanceof Map<?, ?> fields)) {
				return new Found(path, "must be an object (" + object.getName() + ")");
			}
			for (Object key : fields.keySet()) {
				if (!(key instanceof String name) || object.getField(name) == null) {
					// The key is the client's text: it is not repeated, the fields that
					// exist are named instead.
					return new Found(path,
							"has a field that " + object.getName() + " does not define; its fields" + " are "
									+ object.getFields()
										.stream()
										.map(GraphQLInputObjectField::getName)
										.collect(Collectors.joining(", ")));
				}
			}
			for (GraphQLInputObjectField field : object.getFields()) {
				if (!fields.containsKey(field.getName())) {
					if (field.getType() instanceof GraphQLNonNull && !field.hasSetDefaultValue()) {
						return new Found(plus(path, field.getName()), "is required");
					}
					continue;
				}
				Found found = find(fields.get(field.getName()), field.getType(), plus(path, field.getName()));
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		if (type instanceof GraphQLEnumType enumType) {
			boolean known = value instanceof String name && enumType.getValue(name) != null;
			return known ? null
					: new Found(path,
							"must be one of " + enumType.getValues()
								.stream()
								.map(GraphQLEnumValueDefinition::getName)
								.collect(Collectors.joining(", ")));
		}
		if (type instanceof GraphQLScalarType scalar) {
			try {
				scalar.getCoercing().parseValue(value, GraphQLContext.getDefault(), Locale.ENGLISH);
				return null;
			}
			catch (CoercingParseValueException e) {
				// The scalars' own messages name types, never the value (see
				// i18n/Scalars_en.properties).
				return new Found(path, "is not a valid " + scalar.getName() + ": " + e.getMessage());
			}
			catch (RuntimeException e) {
				return new Found(path, "is not a valid " + scalar.getName());
			}
		}
		return null;
	}

	private static GraphQLInputType inputType(GraphQLSchema schema, Type<?> type) {
		if (type instanceof NonNullType nonNull) {
			GraphQLInputType inner = inputType(schema, nonNull.getType());
			return inner == null ? null : GraphQLNonNull.nonNull(inner);
		}
		if (type instanceof ListType list) {
			GraphQLInputType inner = inputType(schema, list.getType());
			return inner == null ? null : GraphQLList.list(inner);
		}
		GraphQLType named = type instanceof TypeName name ? schema.getType(name.getName()) : null;
		return named instanceof GraphQLInputType input ? input : null;
	}

}
