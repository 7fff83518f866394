package uk.cin.trusted;

/**
 * A registered document: one operation (and any fragments it uses), kept in the service's
 * registry.
 *
 * @param id its document id: {@code sha256:} and the SHA-256 of its text (UTF-8) in
 * lower-case hex
 * @param source where it is kept, relative to the registry (e.g.
 * {@code mobile/RecordVisit.graphql})
 * @param text the document's text, exactly as in the file
 * @param operationName the name of its one operation
 */
public record TrustedDocument(String id, String source, String text, String operationName) {
}
