--liquibase formatted sql

--changeset cin:010-plan-review
-- Each plan's next review due (and the chair it needs) over time: one row per stretch of days over which neither
-- changes, rewritten with plan_deadline in the transaction of every write to the plan. A list ordered by next review
-- due as of any day reads this index in order: the plan's row for that day, next_due then plan_id, no sort.
-- valid_from is '-infinity' for a plan's first stretch, valid_to 'infinity' for its last; next_due is 'infinity'
-- when none is due (closed, or no meeting due), so that such plans come last.
create table plan_review (
    plan_id        uuid        not null references cin_plan (id),
    authority_code varchar(60) not null default nullif(current_setting('cin.authority', true), ''),
    team           varchar(100) not null,
    valid_from     date        not null,
    valid_to       date        not null,
    next_due       date        not null,
    chair_role     varchar(40),
    primary key (plan_id, valid_from),
    check (valid_from < valid_to)
);
create index plan_review_order on plan_review (authority_code, next_due, plan_id);
create index plan_review_team_order on plan_review (authority_code, team, next_due, plan_id);
alter table plan_review enable row level security;
alter table plan_review force row level security;
create policy plan_review_authority on plan_review
    using (authority_code = nullif(current_setting('cin.authority', true), ''));

--changeset cin:010-plan-review-grants runOnChange:true
grant select, insert, update, delete on plan_review to "${appRole}";

--changeset cin:010-name-search
-- Name search tolerates typos: trigram similarity (pg_trgm ships with PostgreSQL) over an index of each name.
create extension if not exists pg_trgm;
create index child_name_trgm on child using gin ((given_name || ' ' || family_name) gin_trgm_ops);
create index child_family_name_trgm on child using gin (family_name gin_trgm_ops);
create index child_given_name_trgm on child using gin (given_name gin_trgm_ops);
create index family_name_trgm on family using gin (name gin_trgm_ops);
create index child_birth on child (authority_code, date_of_birth);
-- Plans by child name and by start: keyset pages over these orders.
create index child_order_name on child (authority_code, family_name, given_name, id);
create index cin_plan_authority_trigger on cin_plan (authority_code, trigger_date, id);
