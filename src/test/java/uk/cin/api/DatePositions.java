package uk.cin.api;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every place a request can send a value of one scalar type (an argument, or a field of
 * an input object inside one), found by walking the schema, with documents that put a
 * chosen value there: as a literal, or in a variable. A new argument or input field of
 * the type is covered without a new test.
 */
final class DatePositions {

	/**
	 * A place for a value: the operation, the fields from the root to the one that takes
	 * the argument, the argument, and the input fields inside it (empty when the argument
	 * itself has the type).
	 */
	record Position(String operation, List<GraphQLFieldDefinition> route, GraphQLArgument argument,
			List<String> inside) {

		/** As a client would say it: {@code Mutation.addChild(input.dateOfBirth)}. */
		@Override
		public String toString() {
			String where = argument.getName() + (inside.isEmpty() ? "" : "." + String.join(".", inside));
			return operation + " "
					+ route.stream().map(GraphQLFieldDefinition::getName).collect(Collectors.joining(".")) + "(" + where
					+ ")";
		}

		/**
		 * The path an error about this place names: the argument (or variable) and the
		 * fields inside it.
		 */
		List<Object> field(boolean variable) {
			List<Object> path = new ArrayList<>();
			path.add(variable ? "$v" : argument.getName());
			path.addAll(inside);
			return path;
		}

		/** The last name on the path: the argument's or the input field's. */
		String name() {
			return inside.isEmpty() ? argument.getName() : inside.get(inside.size() - 1);
		}
	}

	private final GraphQLSchema schema;

	private final String scalar;

	DatePositions(GraphQLSchema schema, String scalar) {
		this.schema = schema;
		this.scalar = scalar;
	}

	List<Position> all() {
		List<Position> positions = new ArrayList<>();
		Map<GraphQLObjectType, List<GraphQLFieldDefinition>> routes = routesFromQuery();
		for (var root : List.of(schema.getQueryType(), schema.getMutationType())) {
			String operation = root == schema.getQueryType() ? "query" : "mutation";
			for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
				add(positions, operation, List.of(field));
			}
		}
		routes.forEach((type, route) -> {
			if (type == schema.getQueryType()) {
				return;
			}
			for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
				List<GraphQLFieldDefinition> longer = new ArrayList<>(route);
				longer.add(field);
				add(positions, "query", longer);
			}
		});
		return positions;
	}

	private void add(List<Position> positions, String operation, List<GraphQLFieldDefinition> route) {
		GraphQLFieldDefinition field = route.get(route.size() - 1);
		for (GraphQLArgument argument : field.getArguments()) {
			for (List<String> inside : inside(argument.getType(), new ArrayList<>(), 0)) {
				positions.add(new Position(operation, route, argument, inside));
			}
		}
	}

	/** Paths inside an input type to values of the scalar. */
	private List<List<String>> inside(GraphQLInputType type, List<String> path, int depth) {
		GraphQLType bare = GraphQLTypeUtil.unwrapAll(type);
		if (bare instanceof GraphQLScalarType s && s.getName().equals(scalar)) {
			return List.of(List.copyOf(path));
		}
		List<List<String>> found = new ArrayList<>();
		if (bare instanceof GraphQLInputObjectType object && depth < 4
				&& !GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type))) {
			for (GraphQLInputObjectField field : object.getFields()) {
				List<String> longer = new ArrayList<>(path);
				longer.add(field.getName());
				found.addAll(inside(field.getType(), longer, depth + 1));
			}
		}
		return found;
	}

	/** The shortest way from Query to each object type, as the fields to select. */
	private Map<GraphQLObjectType, List<GraphQLFieldDefinition>> routesFromQuery() {
		Map<GraphQLObjectType, List<GraphQLFieldDefinition>> routes = new LinkedHashMap<>();
		Deque<GraphQLObjectType> next = new ArrayDeque<>();
		routes.put(schema.getQueryType(), List.of());
		next.add(schema.getQueryType());
		while (!next.isEmpty()) {
			GraphQLObjectType type = next.poll();
			for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
				if (field.getName().startsWith("__")
						|| !(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType target)
						|| routes.containsKey(target)) {
					continue;
				}
				List<GraphQLFieldDefinition> route = new ArrayList<>(routes.get(type));
				route.add(field);
				routes.put(target, route);
				next.add(target);
			}
		}
		return routes;
	}

	// ---- documents

	/** A document with this literal (GraphQL syntax) at the position. */
	String literalDocument(Position position, String literal) {
		return position.operation() + " { "
				+ selection(position, 0, literalWith(position.argument().getType(), position.inside(), literal)) + " }";
	}

	/** A document taking the position's argument from the variable {@code $v}. */
	String variableDocument(Position position) {
		return position.operation() + "($v: " + GraphQLTypeUtil.simplePrint(position.argument().getType()) + ") { "
				+ selection(position, 0, "$v") + " }";
	}

	/** The value of {@code $v}: the argument with this value at the position. */
	Object variableValue(Position position, Object value) {
		return valueWith(position.argument().getType(), position.inside(), value);
	}

	private String selection(Position position, int step, String targetValue) {
		GraphQLFieldDefinition field = position.route().get(step);
		boolean last = step == position.route().size() - 1;
		List<String> arguments = new ArrayList<>();
		for (GraphQLArgument argument : field.getArguments()) {
			if (last && argument.getName().equals(position.argument().getName())) {
				arguments.add(argument.getName() + ": " + targetValue);
			}
			else if (GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()) {
				arguments.add(argument.getName() + ": " + placeholder(argument.getType()));
			}
		}
		String text = field.getName() + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")");
		if (!last) {
			return text + " { " + selection(position, step + 1, targetValue) + " }";
		}
		GraphQLOutputType type = field.getType();
		return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLScalarType
				|| GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLEnumType ? text : text + " { __typename }";
	}

	private String literalWith(GraphQLInputType type, List<String> inside, String literal) {
		if (inside.isEmpty()) {
			return literal;
		}
		GraphQLInputObjectType object = (GraphQLInputObjectType) GraphQLTypeUtil.unwrapNonNull(type);
		List<String> fields = new ArrayList<>();
		for (GraphQLInputObjectField field : object.getFields()) {
			if (field.getName().equals(inside.get(0))) {
				fields.add(field.getName() + ": "
						+ literalWith(field.getType(), inside.subList(1, inside.size()), literal));
			}
			else if (GraphQLTypeUtil.isNonNull(field.getType()) && !field.hasSetDefaultValue()) {
				fields.add(field.getName() + ": " + placeholder(field.getType()));
			}
		}
		return "{" + String.join(", ", fields) + "}";
	}

	private Object valueWith(GraphQLInputType type, List<String> inside, Object value) {
		if (inside.isEmpty()) {
			return value;
		}
		GraphQLInputObjectType object = (GraphQLInputObjectType) GraphQLTypeUtil.unwrapNonNull(type);
		Map<String, Object> fields = new LinkedHashMap<>();
		for (GraphQLInputObjectField field : object.getFields()) {
			if (field.getName().equals(inside.get(0))) {
				fields.put(field.getName(), valueWith(field.getType(), inside.subList(1, inside.size()), value));
			}
			else if (GraphQLTypeUtil.isNonNull(field.getType()) && !field.hasSetDefaultValue()) {
				fields.put(field.getName(), placeholderValue(field.getType()));
			}
		}
		return fields;
	}

	/**
	 * A literal that coerces to the type (never executed: the value under test is refused
	 * first).
	 */
	private String placeholder(GraphQLInputType type) {
		GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
		if (bare instanceof GraphQLList list) {
			return "[" + placeholder((GraphQLInputType) list.getWrappedType()) + "]";
		}
		if (bare instanceof GraphQLEnumType enumType) {
			return enumType.getValues().get(0).getName();
		}
		if (bare instanceof GraphQLInputObjectType object) {
			return "{" + object.getFields()
				.stream()
				.filter(f -> GraphQLTypeUtil.isNonNull(f.getType()) && !f.hasSetDefaultValue())
				.map(f -> f.getName() + ": " + placeholder(f.getType()))
				.collect(Collectors.joining(", ")) + "}";
		}
		Object value = placeholderValue(type);
		return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
	}

	private Object placeholderValue(GraphQLInputType type) {
		GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
		if (bare instanceof GraphQLList list) {
			return List.of(placeholderValue((GraphQLInputType) list.getWrappedType()));
		}
		if (bare instanceof GraphQLEnumType enumType) {
			return enumType.getValues().get(0).getName();
		}
		if (bare instanceof GraphQLInputObjectType object) {
			Map<String, Object> fields = new LinkedHashMap<>();
			object.getFields()
				.stream()
				.filter(f -> GraphQLTypeUtil.isNonNull(f.getType()) && !f.hasSetDefaultValue())
				.forEach(f -> fields.put(f.getName(), placeholderValue(f.getType())));
			return fields;
		}
		return switch (((GraphQLNamedType) bare).getName()) {
			case "Int" -> 1;
			case "Float" -> 1.5;
			case "Boolean" -> true;
			case "Date" -> "2026-01-05";
			case "DateTime" -> "2026-01-05T10:00:00Z";
			default -> "x";
		};
	}

}
