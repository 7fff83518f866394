package uk.cin.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.execution.ErrorType;
import reactor.core.publisher.Mono;
import uk.cin.config.CinProperties;

/**
 * An unexpected failure reaches the client as INTERNAL_ERROR with a correlation id, and
 * leaks nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorHandlingTest {

	private static DataFetchingEnvironment environment() {
		GraphQLObjectType query = GraphQLObjectType.newObject()
			.name("Query")
			.field(GraphQLFieldDefinition.newFieldDefinition().name("plan").type(Scalars.GraphQLString))
			.build();
		ExecutionStepInfo step = ExecutionStepInfo.newExecutionStepInfo()
			.type(Scalars.GraphQLString)
			.path(ResultPath.parse("/plan"))
			.parentInfo(ExecutionStepInfo.newExecutionStepInfo().type(query).build())
			.build();
		return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.executionStepInfo(step)
			.mergedField(MergedField.newMergedField(Field.newField("plan").build()).build())
			.build();
	}

	private static GraphQLError resolve(Throwable failure) {
		Mono<List<GraphQLError>> errors = new ErrorHandling(new DatabaseOutage(CinProperties.defaults()))
			.resolveException(failure, environment());
		return errors.block().get(0);
	}

	@Test
	void anUnexpectedFailureIsAnInternalErrorWithACorrelationIdAndNoDetail(CapturedOutput output) {
		GraphQLError error = resolve(
				new IllegalStateException("duplicate key (given_name)=(Lovelace) for child born 2019-03-04"));
		assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
		String correlationId = (String) error.getExtensions().get("correlationId");
		assertThat(correlationId).isNotBlank();
		assertThat(error.getMessage()).contains(correlationId).doesNotContain("Lovelace", "2019", "duplicate");
		assertThat(error.getExtensions()).containsEntry("code", "INTERNAL_ERROR");
		// The log has the failure under the same id, with its type and stack but not its
		// message.
		assertThat(output.getAll()).contains(correlationId, "IllegalStateException")
			.doesNotContain("Lovelace", "2019-03-04");
	}

	@Test
	void aRefusalKeepsItsCodeAndMessage() {
		GraphQLError error = resolve(new ApiException(ApiException.WRONG_ID_TYPE, "the id is not the id of a Family"));
		assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
		assertThat(error.getExtensions()).containsEntry("code", "WRONG_ID_TYPE");
		assertThat(error.getMessage()).isEqualTo("the id is not the id of a Family");
	}

	@Test
	void aFieldOfACancelledExecutionIsNoErrorToLog(CapturedOutput output) {
		GraphQLError error = resolve(new AbortExecutionException("Execution has been asked to be cancelled"));
		assertThat(error.getExtensions()).containsEntry("code", "CANCELLED");
		assertThat(resolve(new CompletionException(new CancellationException())).getExtensions()).containsEntry("code",
				"CANCELLED");
		assertThat(output.getAll()).doesNotContain("ERROR", "AbortExecutionException");
	}

}
