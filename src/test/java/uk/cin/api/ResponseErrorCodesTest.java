package uk.cin.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ErrorType;
import graphql.introspection.IntrospectionDisabledError;
import graphql.language.SourceLocation;
import org.junit.jupiter.api.Test;

/**
 * Errors that come without a code get one from their classification, never a vague one
 * for a client's ask.
 */
class ResponseErrorCodesTest {

	@Test
	void introspectionRefusedIsCodedAsSuchNotAsAnInternalError() {
		assertThat(ResponseErrors.code(new IntrospectionDisabledError(new SourceLocation(1, 3)).getErrorType()))
			.isEqualTo("INTROSPECTION_DISABLED");
	}

	@Test
	void parseAndValidationFailuresTakeTheCodesClientsKnow() {
		assertThat(ResponseErrors.code(ErrorType.InvalidSyntax)).isEqualTo("GRAPHQL_PARSE_FAILED");
		assertThat(ResponseErrors.code(ErrorType.ValidationError)).isEqualTo("GRAPHQL_VALIDATION_FAILED");
	}

}
