package uk.cin.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Documents already parsed and validated, by their text: a client sends the same few
 * documents again and again, and parsing and validating one is CPU work on every request
 * (a third of a millisecond for the caseload page's, some 60 ms for one at the parser's
 * token limit). Validation depends only on the schema and the document (no variable,
 * operation name or caller enters it), so the text is the whole key; only documents that
 * passed are kept, so what a refusal says is always worked out afresh. Bounded by the
 * characters of the texts kept (a parsed document takes about fourteen times its text's
 * length in memory): at most {@value #MAX_CHARACTERS}, the least useful evicted first.
 */
@Component
public class DocumentCache implements PreparsedDocumentProvider {

	/** A document sent again is not parsed and validated again. */
	@Configuration(proxyBeanMethods = false)
	static class Wiring {

		@Bean
		GraphQlSourceBuilderCustomizer preparsedDocuments(DocumentCache cache) {
			return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
		}

	}

	static final int MAX_CHARACTERS = 1_000_000;

	private final Cache<String, PreparsedDocumentEntry> valid = Caffeine.newBuilder()
		.maximumWeight(MAX_CHARACTERS)
		.weigher((String text, PreparsedDocumentEntry entry) -> Math.max(1, text.length()))
		.build();

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String text = input.getQuery();
		PreparsedDocumentEntry known = valid.getIfPresent(text);
		if (known != null) {
			return CompletableFuture.completedFuture(known);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			valid.put(text, entry);
		}
		return CompletableFuture.completedFuture(entry);
	}

}
