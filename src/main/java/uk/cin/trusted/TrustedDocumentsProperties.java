package uk.cin.trusted;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which client applications may send only registered documents.
 *
 * @param requiredForClients client ids (a token's {@code azp}, or {@code client_id}) whose requests must name a
 *     registered document; other clients may send any text. Not applied in the local profile.
 */
@ConfigurationProperties("cin.trusted-documents")
public record TrustedDocumentsProperties(List<String> requiredForClients) {

    public TrustedDocumentsProperties {
        requiredForClients = requiredForClients == null ? List.of() : List.copyOf(requiredForClients);
    }
}
