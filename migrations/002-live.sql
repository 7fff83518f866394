--liquibase formatted sql

--changeset cin:002-live
-- Every change to a plan's deadlines, in order: written in the transaction that made it (so a rolled-back write
-- leaves none), announced by NOTIFY on commit, and kept so that a subscriber can resume after a reconnect.
create table deadline_change (
    id              bigserial primary key,
    plan_id         uuid        not null references cin_plan (id),
    authority_code  varchar(60) not null,
    cause           varchar(20) not null check (cause in ('MUTATION', 'TIME_PASSED')),
    changed_at      timestamptz not null default now(),
    next_review_due date,
    is_overdue      boolean     not null
);
create index deadline_change_plan on deadline_change (plan_id, id);

-- One row per local day swept for deadlines that became overdue: the instance that inserts it does the sweep.
create table sweep_day (
    day        date primary key,
    swept_at   timestamptz not null default now(),
    plans      integer     not null default 0
);
