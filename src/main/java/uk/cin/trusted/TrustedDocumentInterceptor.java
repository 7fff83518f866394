package uk.cin.trusted;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.cin.api.Interceptors;
import uk.cin.config.TrustedDocumentsSettings;
import uk.cin.localdb.LocalDatabaseEnvironmentPostProcessor;
import uk.cin.security.CallerInterceptor;

/**
 * Trusted documents: a request may name a registered document by its id instead of
 * sending its text, and some client applications may send nothing else.
 * <ul>
 * <li>The id comes as GraphQL over HTTP's {@code documentId} (which
 * {@link DocumentIdFilter} hands on as {@code extensions.documentId}), or as Apollo's
 * {@code extensions.persistedQuery.sha256Hash}. Only documents in the registry are known:
 * nothing is registered over the wire.</li>
 * <li>An unknown id is refused with {@code DOCUMENT_NOT_FOUND}; text sent with an id that
 * names another document, or two ids that disagree, with {@code DOCUMENT_ID_MISMATCH}.
 * Neither runs anything.</li>
 * <li>Apollo's automatic persisted queries: an unknown hash in Apollo's form without text
 * is answered {@code PERSISTED_QUERY_NOT_FOUND} (message {@code PersistedQueryNotFound}),
 * on which Apollo Client sends the same request with the text; text with an unknown hash
 * then runs as text (the rule below applies), if the hash is the text's SHA-256, and is
 * refused with {@code DOCUMENT_ID_MISMATCH} if not. Nothing is kept: the registry is the
 * only place documents are known by id.</li>
 * <li>A caller whose token's client ({@code azp}, or {@code client_id}) is listed in
 * {@code cin.trusted-documents.required-for-clients} may send only registered documents:
 * by id, or as their exact text. Anything else is refused with
 * {@code TRUSTED_DOCUMENT_REQUIRED}. Not in the local profile, where developers try
 * things out; ids work everywhere.</li>
 * </ul>
 * It runs first, so that everything after it (the caller's transaction, the audit's
 * operation name, the limits) sees the registered text as if the client had sent it.
 * Refusals are GraphQL responses without data: Spring for GraphQL answers them 400 to a
 * client that accepts application/graphql-response+json and 200 to one that asks for
 * application/json, as GraphQL over HTTP says.
 */
@Component
@Order(Interceptors.TRUSTED_DOCUMENTS)
public class TrustedDocumentInterceptor implements WebGraphQlInterceptor {

	/** The extension the body's documentId is handed on in. */
	public static final String DOCUMENT_ID = "documentId";

	public static final String DOCUMENT_NOT_FOUND = "DOCUMENT_NOT_FOUND";

	public static final String DOCUMENT_ID_MISMATCH = "DOCUMENT_ID_MISMATCH";

	public static final String TRUSTED_DOCUMENT_REQUIRED = "TRUSTED_DOCUMENT_REQUIRED";

	/**
	 * Apollo's code and message for a hash it should send again with the text: Apollo
	 * Client looks for them.
	 */
	public static final String PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";

	static final String PERSISTED_QUERY_NOT_FOUND_MESSAGE = "PersistedQueryNotFound";

	static final String PERSISTED_QUERY = "persistedQuery";
	static final String SHA256_HASH = "sha256Hash";

	private static final Logger log = LoggerFactory.getLogger(TrustedDocumentInterceptor.class);

	private final TrustedDocuments documents;

	/** The clients held to registered documents; none in the local profile. */
	private final Set<String> heldClients;

	public TrustedDocumentInterceptor(TrustedDocuments documents, TrustedDocumentsSettings properties,
			Environment environment) {
		this.documents = documents;
		boolean local = environment.matchesProfiles(LocalDatabaseEnvironmentPostProcessor.LOCAL_PROFILE);
		this.heldClients = local ? Set.of() : Set.copyOf(properties.requiredForClients());
		if (local && !properties.requiredForClients().isEmpty()) {
			log.info("Local profile: clients {} may send any text (elsewhere only registered documents)",
					properties.requiredForClients());
		}
		else if (!heldClients.isEmpty()) {
			log.info("Clients {} may send only registered documents", heldClients);
		}
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String text = text(request);
		Set<String> ids = ids(request.getExtensions());
		if (ids.size() > 1) {
			return refuse(request, DOCUMENT_ID_MISMATCH, ErrorType.BAD_REQUEST,
					"documentId and " + "extensions.persistedQuery.sha256Hash name different documents: send one id");
		}
		if (!ids.isEmpty()) {
			String id = ids.iterator().next();
			Optional<TrustedDocument> registered = documents.find(id);
			if (registered.isEmpty() && apollo(request.getExtensions())) {
				// Apollo's automatic persisted queries: the client sends the text again
				// on this code, with the hash, and that text runs as text, if it is the
				// hash's.
				if (text == null) {
					return refuse(request, PERSISTED_QUERY_NOT_FOUND, ErrorType.NOT_FOUND,
							PERSISTED_QUERY_NOT_FOUND_MESSAGE);
				}
				if (!TrustedDocuments.idOf(text).equals(id)) {
					return refuse(request, DOCUMENT_ID_MISMATCH, ErrorType.BAD_REQUEST, "The query text is not the "
							+ "document its extensions.persistedQuery.sha256Hash names: send the SHA-256 of the text "
							+ "in lower-case hex");
				}
				return runText(request, text, chain);
			}
			if (registered.isEmpty()) {
				return refuse(request, DOCUMENT_NOT_FOUND, ErrorType.NOT_FOUND, "No registered document has this "
						+ "id. A document id is \"sha256:\" and the SHA-256 of the document's text in lower-case "
						+ "hex, of a document in the service's registry; documents are not registered over the wire");
			}
			if (text != null && !text.equals(registered.get().text())) {
				return refuse(request, DOCUMENT_ID_MISMATCH, ErrorType.BAD_REQUEST, "The query text is not the "
						+ "document its id names: send the id alone, or the registered text exactly");
			}
			return chain.next(text != null ? request : withText(request, registered.get().text()));
		}
		if (text == null) {
			return refuse(request, DOCUMENT_NOT_FOUND, ErrorType.NOT_FOUND,
					"The request names no document: send " + "a documentId, or a query");
		}
		return runText(request, text, chain);
	}

	/**
	 * Text that names no registered document: it runs unless the caller's client is held
	 * to registered documents.
	 */
	private Mono<WebGraphQlResponse> runText(WebGraphQlRequest request, String text, Chain chain) {
		if (heldClients.isEmpty()) {
			return chain.next(request);
		}
		return CallerInterceptor.caller(request)
			.flatMap(caller -> caller.client() != null && heldClients.contains(caller.client())
					&& !documents.isRegistered(text)
							? refuse(request, TRUSTED_DOCUMENT_REQUIRED, ErrorType.FORBIDDEN, "This client application "
									+ "may send only registered documents: send {\"documentId\": \"sha256:<SHA-256 of "
									+ "the document>\"} of a document in the service's registry instead of the text")
							: chain.next(request));
	}

	/**
	 * The text sent, or null: none, or only the placeholder a body without one is read
	 * with.
	 */
	private static String text(WebGraphQlRequest request) {
		String document = request.getDocument();
		return document == null || document.isBlank() || PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(document)
				? null : document;
	}

	/** Whether the request names its document in Apollo's form, and not by documentId. */
	private static boolean apollo(Map<String, Object> extensions) {
		return !extensions.containsKey(DOCUMENT_ID) && extensions.get(PERSISTED_QUERY) instanceof Map<?, ?>;
	}

	/**
	 * Every document id the request names; a value of the wrong shape counts as an id no
	 * document has.
	 */
	private static Set<String> ids(Map<String, Object> extensions) {
		Set<String> ids = new LinkedHashSet<>();
		if (extensions.containsKey(DOCUMENT_ID)) {
			ids.add(extensions.get(DOCUMENT_ID) instanceof String id ? id : "");
		}
		if (extensions.get(PERSISTED_QUERY) instanceof Map<?, ?> persisted && persisted.containsKey(SHA256_HASH)) {
			ids.add(persisted.get(SHA256_HASH) instanceof String hash ? TrustedDocuments.ID_PREFIX + hash : "");
		}
		return ids;
	}

	/** The request as if the client had sent the registered text, without the ids. */
	private static WebGraphQlRequest withText(WebGraphQlRequest request, String text) {
		Map<String, Object> extensions = new LinkedHashMap<>(request.getExtensions());
		extensions.remove(DOCUMENT_ID);
		extensions.remove(PERSISTED_QUERY);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", text);
		if (request.getOperationName() != null) {
			body.put("operationName", request.getOperationName());
		}
		body.put("variables", request.getVariables());
		body.put("extensions", extensions);
		if (request instanceof WebSocketGraphQlRequest socket) {
			return new WebSocketGraphQlRequest(request.getUri().toUri(), request.getHeaders(), request.getCookies(),
					request.getRemoteAddress(), request.getAttributes(), body, request.getId(), request.getLocale(),
					socket.getSessionInfo());
		}
		return new WebGraphQlRequest(request.getUri().toUri(), request.getHeaders(), request.getCookies(),
				request.getRemoteAddress(), request.getAttributes(), body, request.getId(), request.getLocale());
	}

	private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, String code, ErrorType type,
			String message) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError()
				.errorType(type)
				.message(message)
				.extensions(Map.of("code", code))
				.build())
			.build();
		return Mono
			.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
	}

}
