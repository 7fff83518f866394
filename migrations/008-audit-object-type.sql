--liquibase formatted sql

--changeset cin:008-audit-object-type
-- What kind of record an audit row's object_id names: the child of a write, the family or plan whose id a refused
-- write probed, the family or meeting a read was of. Rows before it name the object of a write by their mutation.
alter table audit_event add column object_type varchar(20);
