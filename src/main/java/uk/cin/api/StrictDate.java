package uk.cin.api;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code Date} scalar: a calendar date written {@code YYYY-MM-DD}, exactly. A day
 * that does not exist (2019-02-31, 2026-11-31, 2025-02-29) is refused, never moved to the
 * month's last day: a system of record stores the date it was sent or nothing. Refusals
 * never quote the value back.
 */
public final class StrictDate {

	/** What a refused date is told; the value is not repeated. */
	static final String MALFORMED = "must be a date written YYYY-MM-DD, for example 2026-03-14";
	static final String NO_SUCH_DAY = "is not a day of the calendar: that month has no such day";

	private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	/**
	 * uuuu (proleptic year), not yyyy (year of era): STRICT resolution needs an era with
	 * yyyy.
	 */
	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
		.withResolverStyle(ResolverStyle.STRICT);

	public static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
		.name("Date")
		.description("A calendar date, YYYY-MM-DD; an impossible day is refused")
		.coercing(new DateCoercing())
		.build();

	private StrictDate() {
	}

	/**
	 * The date this text names, or the reason it names none (a {@link DateTimeException}
	 * with no value in it).
	 */
	public static LocalDate parse(String text) {
		if (text == null || !SHAPE.matcher(text).matches()) {
			throw new DateTimeException(MALFORMED);
		}
		try {
			return LocalDate.parse(text, FORMAT);
		}
		catch (DateTimeParseException e) {
			throw new DateTimeException(NO_SUCH_DAY);
		}
	}

	private static final class DateCoercing implements Coercing<LocalDate, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof LocalDate date) {
				return FORMAT.format(date);
			}
			throw new CoercingSerializeException("a Date field must hold a date");
		}

		@Override
		public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
			if (!(input instanceof String text)) {
				throw new CoercingParseValueException(MALFORMED);
			}
			try {
				return parse(text);
			}
			catch (DateTimeException e) {
				throw new CoercingParseValueException(e.getMessage());
			}
		}

		@Override
		public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			if (!(input instanceof StringValue text)) {
				throw new CoercingParseLiteralException(MALFORMED);
			}
			try {
				return parse(text.getValue());
			}
			catch (DateTimeException e) {
				throw new CoercingParseLiteralException(e.getMessage());
			}
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return StringValue.newStringValue(serialize(input, context, locale)).build();
		}

	}

}
