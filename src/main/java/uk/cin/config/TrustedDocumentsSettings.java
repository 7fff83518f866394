package uk.cin.config;

import java.util.List;

/**
 * Which client applications may send only registered documents.
 *
 * @param requiredForClients client ids (a token's {@code azp}, or {@code client_id})
 * whose requests must name a registered document; other clients may send any text. Not
 * applied in the local profile.
 */
public record TrustedDocumentsSettings(List<String> requiredForClients) {

	public TrustedDocumentsSettings {
		requiredForClients = requiredForClients == null ? List.of("cin-mobile") : List.copyOf(requiredForClients);
	}
}
