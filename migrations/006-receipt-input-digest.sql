--liquibase formatted sql

--changeset cin:006-receipt-input-digest
-- What a clientMutationId was first used with: a replay with another input is refused, never answered with the first
-- result as if it had been written. SHA-256 of the input's canonical form (see InputDigest); null on receipts kept from
-- before, whose replays are answered as before.
alter table mutation_receipt add column input_digest char(64);
