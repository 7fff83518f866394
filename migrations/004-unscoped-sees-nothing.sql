--liquibase formatted sql

--changeset cin:004-unscoped-sees-nothing
-- After a transaction that set cin.authority ends, the setting reads '' (not null) on that connection. Work that
-- runs there unscoped (say, the tail of a request already stopped at its time limit) must see and write nothing:
-- '' is no authority.
alter table family alter column authority_code set default nullif(current_setting('cin.authority', true), '');
alter table child alter column authority_code set default nullif(current_setting('cin.authority', true), '');
alter table cin_plan alter column authority_code set default nullif(current_setting('cin.authority', true), '');
alter table meeting alter column authority_code set default nullif(current_setting('cin.authority', true), '');
alter table attendee alter column authority_code set default nullif(current_setting('cin.authority', true), '');
alter table plan_event alter column authority_code set default nullif(current_setting('cin.authority', true), '');
alter table visit alter column authority_code set default nullif(current_setting('cin.authority', true), '');
alter table plan_deadline alter column authority_code set default nullif(current_setting('cin.authority', true), '');
alter table mutation_receipt alter column authority_code
    set default nullif(current_setting('cin.authority', true), '');
alter table deadline_change alter column authority_code
    set default nullif(current_setting('cin.authority', true), '');
alter table audit_event alter column authority_code set default nullif(current_setting('cin.authority', true), '');

alter policy family_authority on family
    using (authority_code = nullif(current_setting('cin.authority', true), ''));
alter policy child_authority on child
    using (authority_code = nullif(current_setting('cin.authority', true), ''));
alter policy cin_plan_authority on cin_plan
    using (authority_code = nullif(current_setting('cin.authority', true), ''));
alter policy meeting_authority on meeting
    using (authority_code = nullif(current_setting('cin.authority', true), ''));
alter policy attendee_authority on attendee
    using (authority_code = nullif(current_setting('cin.authority', true), ''));
alter policy plan_event_authority on plan_event
    using (authority_code = nullif(current_setting('cin.authority', true), ''));
alter policy visit_authority on visit
    using (authority_code = nullif(current_setting('cin.authority', true), ''));
alter policy plan_deadline_authority on plan_deadline
    using (authority_code = nullif(current_setting('cin.authority', true), ''));
alter policy mutation_receipt_authority on mutation_receipt
    using (authority_code = nullif(current_setting('cin.authority', true), ''));
alter policy deadline_change_authority on deadline_change
    using (authority_code = nullif(current_setting('cin.authority', true), ''));
alter policy audit_event_read on audit_event
    using (authority_code = nullif(current_setting('cin.authority', true), ''));
alter policy audit_event_append on audit_event
    with check (authority_code = nullif(current_setting('cin.authority', true), ''));
