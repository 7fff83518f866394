--liquibase formatted sql

--changeset cin:011-plan-overdue
-- The days over which each plan had an overdue deadline, merged into spells, written with plan_deadline in the
-- transaction of every write to the plan: "overdue on a day" is one primary-key probe per plan, not a search of its
-- deadlines. valid_to is 'infinity' while the plan is still overdue.
create table plan_overdue (
    plan_id        uuid        not null references cin_plan (id),
    authority_code varchar(60) not null default nullif(current_setting('cin.authority', true), ''),
    valid_from     date        not null,
    valid_to       date        not null,
    primary key (plan_id, valid_from),
    check (valid_from < valid_to)
);
alter table plan_overdue enable row level security;
alter table plan_overdue force row level security;
create policy plan_overdue_authority on plan_overdue
    using (authority_code = nullif(current_setting('cin.authority', true), ''));
-- Every plan's rows are written anew at the next start (ReviewBackfill fills plans with no plan_review rows).
truncate plan_review;

-- Most plans' stretch for today is their last (open-ended): ordering by next review due as of today reads the
-- open-ended stretches in order from this index, and the few that end in the future from the next, merged.
drop index plan_review_order;
drop index plan_review_team_order;
create index plan_review_open_ended on plan_review (authority_code, next_due, plan_id) where valid_to = 'infinity';
create index plan_review_bounded on plan_review (authority_code, valid_to) where valid_to <> 'infinity';

--changeset cin:011-plan-overdue-grants runOnChange:true
grant select, insert, update, delete on plan_overdue to "${appRole}";
