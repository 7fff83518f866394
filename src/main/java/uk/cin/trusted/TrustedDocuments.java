package uk.cin.trusted;

import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * The registry of trusted documents: every {@code .graphql} file under
 * {@code trusted-documents/} on the classpath (src/main/resources/trusted-documents/),
 * one operation a file. Each is known by its document id, {@code sha256:} and the SHA-256
 * of the file's bytes in lower-case hex, as the GraphQL-over-HTTP persisted documents
 * appendix defines it; the service computes the ids itself, so a client's manifest is
 * never trusted. A file that is not UTF-8, not one named operation, or not valid against
 * the served schema stops the service at start-up, naming the file: a registered document
 * that cannot run would only fail later on a device.
 */
@Component
public class TrustedDocuments {

	public static final String DIRECTORY = "trusted-documents/";
	static final String LOCATION = "classpath*:" + DIRECTORY + "**/*.graphql";

	public static final String ID_PREFIX = "sha256:";

	private static final Logger log = LoggerFactory.getLogger(TrustedDocuments.class);

	private final Map<String, TrustedDocument> byId;

	@Autowired
	public TrustedDocuments(GraphQlSource graphQlSource) throws IOException {
		this(read(new PathMatchingResourcePatternResolver().getResources(LOCATION)), graphQlSource.schema());
		log.info("Trusted documents: {} registered from {}", byId.size(), DIRECTORY);
	}

	/**
	 * A registry of these files (source path to bytes), each checked against the schema.
	 */
	TrustedDocuments(Map<String, byte[]> files, GraphQLSchema schema) {
		Map<String, TrustedDocument> documents = new LinkedHashMap<>();
		new TreeMap<>(files).forEach((source, bytes) -> {
			TrustedDocument document = document(source, bytes, schema);
			TrustedDocument same = documents.putIfAbsent(document.id(), document);
			if (same != null) {
				throw new IllegalStateException(
						"Trusted documents " + same.source() + " and " + source + " are the same document: keep one");
			}
		});
		this.byId = Collections.unmodifiableMap(documents);
	}

	/** The registered document with this id, if any. */
	public Optional<TrustedDocument> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	/** Whether this text is, byte for byte, a registered document. */
	public boolean isRegistered(String text) {
		return find(idOf(text)).filter(d -> d.text().equals(text)).isPresent();
	}

	public Collection<TrustedDocument> all() {
		return byId.values();
	}

	/**
	 * The document id of a text: {@code sha256:} and the SHA-256 of its UTF-8 bytes,
	 * lower-case hex.
	 */
	public static String idOf(String text) {
		return idOf(text.getBytes(StandardCharsets.UTF_8));
	}

	static String idOf(byte[] bytes) {
		try {
			return ID_PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}

	private static Map<String, byte[]> read(Resource[] resources) throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		for (Resource resource : resources) {
			String url = resource.getURL().toString();
			String source = url.substring(url.lastIndexOf(DIRECTORY) + DIRECTORY.length());
			files.put(source, resource.getContentAsByteArray());
		}
		return files;
	}

	private static TrustedDocument document(String source, byte[] bytes, GraphQLSchema schema) {
		String text;
		try {
			// Strictly: the id is the hash of the bytes, and it must be the hash of the
			// text a client sends too.
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new IllegalStateException("Trusted document " + source + " is not UTF-8");
		}
		Document parsed;
		try {
			parsed = Parser.parse(text);
		}
		catch (InvalidSyntaxException e) {
			throw new IllegalStateException(
					"Trusted document " + source + " is not a GraphQL document: " + e.getMessage());
		}
		List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class);
		boolean onlyFragmentsBeside = parsed.getDefinitions()
			.stream()
			.allMatch(d -> d instanceof OperationDefinition || d instanceof FragmentDefinition);
		if (operations.size() != 1 || !onlyFragmentsBeside || operations.get(0).getName() == null) {
			throw new IllegalStateException("Trusted document " + source + " must hold exactly one named operation "
					+ "(and the fragments it uses)");
		}
		List<ValidationError> errors = ParseAndValidate.validate(schema, parsed);
		if (!errors.isEmpty()) {
			throw new IllegalStateException(
					"Trusted document " + source + " is not valid against the schema: " + errors.get(0).getMessage());
		}
		return new TrustedDocument(idOf(bytes), source, text, operations.get(0).getName());
	}

}
