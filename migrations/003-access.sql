--liquibase formatted sql

--changeset cin:003-access
-- Families belong to a team: practitioners see their own teams' families.
alter table family add column team varchar(100) not null default 'unassigned';
alter table family alter column team drop default;
create index family_team on family (authority_code, team);

-- Every table of a child's record carries its authority, so that row-level security can hide other authorities'
-- rows without a join. New rows take it from the transaction's setting; a row for another authority is refused.
alter table child add column authority_code varchar(60);
update child c set authority_code = f.authority_code from family f where f.id = c.family_id;
alter table cin_plan add column authority_code varchar(60);
update cin_plan p set authority_code = c.authority_code from child c where c.id = p.child_id;
alter table meeting add column authority_code varchar(60);
update meeting m set authority_code = p.authority_code from cin_plan p where p.id = m.plan_id;
alter table attendee add column authority_code varchar(60);
update attendee a set authority_code = m.authority_code from meeting m where m.id = a.meeting_id;
alter table plan_event add column authority_code varchar(60);
update plan_event e set authority_code = p.authority_code from cin_plan p where p.id = e.plan_id;
alter table visit add column authority_code varchar(60);
update visit v set authority_code = p.authority_code from cin_plan p where p.id = v.plan_id;
alter table plan_deadline add column authority_code varchar(60);
update plan_deadline d set authority_code = p.authority_code from cin_plan p where p.id = d.plan_id;
alter table mutation_receipt add column authority_code varchar(60);
-- Receipts before access control belonged to no one; they cannot be replayed by anyone now.
delete from mutation_receipt;

alter table family alter column authority_code set default current_setting('cin.authority', true);
alter table child alter column authority_code set not null,
    alter column authority_code set default current_setting('cin.authority', true);
alter table cin_plan alter column authority_code set not null,
    alter column authority_code set default current_setting('cin.authority', true);
alter table meeting alter column authority_code set not null,
    alter column authority_code set default current_setting('cin.authority', true);
alter table attendee alter column authority_code set not null,
    alter column authority_code set default current_setting('cin.authority', true);
alter table plan_event alter column authority_code set not null,
    alter column authority_code set default current_setting('cin.authority', true);
alter table visit alter column authority_code set not null,
    alter column authority_code set default current_setting('cin.authority', true);
alter table plan_deadline alter column authority_code set not null,
    alter column authority_code set default current_setting('cin.authority', true);
alter table mutation_receipt alter column authority_code set not null,
    alter column authority_code set default current_setting('cin.authority', true);
alter table deadline_change alter column authority_code set default current_setting('cin.authority', true);

-- Who read or wrote which child's record, and when. Append-only: see 003-audit-append-only.
create table audit_event (
    id             bigserial primary key,
    at             timestamptz  not null default now(),
    authority_code varchar(60)  not null default current_setting('cin.authority', true),
    caller         varchar(300) not null,
    role           varchar(40)  not null,
    action         varchar(10)  not null check (action in ('READ', 'WRITE', 'REFUSED')),
    operation      varchar(100) not null,
    child_id       uuid,
    object_id      uuid,
    fields         text[]       not null default '{}'
);
create index audit_event_authority on audit_event (authority_code, id);
create index audit_event_child on audit_event (child_id, id);

--changeset cin:003-row-level-security
alter table family enable row level security;
alter table family force row level security;
create policy family_authority on family using (authority_code = current_setting('cin.authority', true));
alter table child enable row level security;
alter table child force row level security;
create policy child_authority on child using (authority_code = current_setting('cin.authority', true));
alter table cin_plan enable row level security;
alter table cin_plan force row level security;
create policy cin_plan_authority on cin_plan using (authority_code = current_setting('cin.authority', true));
alter table meeting enable row level security;
alter table meeting force row level security;
create policy meeting_authority on meeting using (authority_code = current_setting('cin.authority', true));
alter table attendee enable row level security;
alter table attendee force row level security;
create policy attendee_authority on attendee using (authority_code = current_setting('cin.authority', true));
alter table plan_event enable row level security;
alter table plan_event force row level security;
create policy plan_event_authority on plan_event using (authority_code = current_setting('cin.authority', true));
alter table visit enable row level security;
alter table visit force row level security;
create policy visit_authority on visit using (authority_code = current_setting('cin.authority', true));
alter table plan_deadline enable row level security;
alter table plan_deadline force row level security;
create policy plan_deadline_authority on plan_deadline
    using (authority_code = current_setting('cin.authority', true));
alter table mutation_receipt enable row level security;
alter table mutation_receipt force row level security;
create policy mutation_receipt_authority on mutation_receipt
    using (authority_code = current_setting('cin.authority', true));
alter table deadline_change enable row level security;
alter table deadline_change force row level security;
create policy deadline_change_authority on deadline_change
    using (authority_code = current_setting('cin.authority', true));
alter table audit_event enable row level security;
alter table audit_event force row level security;
create policy audit_event_read on audit_event for select
    using (authority_code = current_setting('cin.authority', true));
create policy audit_event_append on audit_event for insert
    with check (authority_code = current_setting('cin.authority', true));

--changeset cin:003-audit-append-only splitStatements:false
-- Nobody changes or removes an audit row: not the service's role (which is granted no UPDATE, DELETE or TRUNCATE),
-- and not the table's owner (this trigger).
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end
$$;

--changeset cin:003-audit-triggers
create trigger audit_event_no_change before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();

--changeset cin:003-grants runOnChange:true
-- The service runs as its own role (spring.r2dbc.username), which must not own the tables, be a superuser or
-- bypass row-level security. It is granted what it uses and no more.
grant select, insert, update, delete on family, child, cin_plan, meeting, attendee, plan_event, visit,
    plan_deadline, mutation_receipt, deadline_change, sweep_day to "${appRole}";
-- The audit log's grants are made where it lives, by its owner (009-audit-grants).
grant usage, select on sequence deadline_change_id_seq to "${appRole}";
