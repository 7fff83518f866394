--liquibase formatted sql

--changeset cin:001-schema
create table family (
    id             uuid primary key,
    authority_code varchar(60)  not null,
    name           varchar(200) not null check (length(name) > 0),
    created_at     timestamptz  not null default now()
);
create index family_authority on family (authority_code);

create table child (
    id            uuid primary key,
    family_id     uuid         not null references family (id),
    given_name    varchar(200) not null check (length(given_name) > 0),
    family_name   varchar(200) not null check (length(family_name) > 0),
    date_of_birth date,
    disabled      boolean      not null default false,
    created_at    timestamptz  not null default now()
);
create index child_family on child (family_id);

create table cin_plan (
    id                           uuid primary key,
    child_id                     uuid        not null references child (id),
    status                       varchar(10) not null check (status in ('OPEN', 'CLOSED')),
    start_reason                 varchar(40) not null check (start_reason in ('AFTER_ASSESSMENT',
        'STEP_DOWN_FROM_CHILD_PROTECTION', 'AFTER_ICPC_NO_PLAN', 'RETURNED_HOME_FROM_CARE', 'AFTER_PROCEEDINGS',
        'TRANSFER_IN', 'PRIVATE_FOSTERING')),
    referral_date                date        not null,
    trigger_date                 date        not null check (trigger_date >= referral_date),
    allocated_on                 date,
    held_in_mat                  boolean     not null default false,
    student_social_worker        boolean     not null default false,
    nrpf_only                    boolean     not null default false,
    section7_only                boolean     not null default false,
    long_term_support            boolean     not null default false,
    exception_group              boolean     not null default false,
    supervision_order            boolean     not null default false,
    visit_frequency_working_days integer check (visit_frequency_working_days between 1 and 260),
    closed_on                    date,
    close_reason                 varchar(10) check (close_reason in ('CLOSE', 'CONTINUE', 'REASSESS', 'ESCALATE')),
    -- Optimistic locking: every write to a plan (or to its meetings, events, visits) bumps the version.
    version                      integer     not null default 0,
    created_at                   timestamptz not null default now(),
    updated_at                   timestamptz not null default now(),
    check ((status = 'CLOSED') = (closed_on is not null))
);
create index cin_plan_child on cin_plan (child_id);
create index cin_plan_status on cin_plan (status);

create table meeting (
    id                           uuid primary key,
    plan_id                      uuid        not null references cin_plan (id),
    kind                         varchar(10) not null check (kind in ('PLANNING', 'REVIEW', 'NETWORK')),
    held_on                      date        not null,
    chair_role                   varchar(40) not null check (chair_role in ('SOCIAL_WORKER', 'ADVANCED_SOCIAL_WORKER',
        'PRACTICE_ASSESSOR', 'DEPUTY_TEAM_MANAGER', 'PRACTICE_LEAD', 'TEAM_MANAGER', 'SOCIAL_WORK_QUALIFIED_MANAGER',
        'SERVICE_MANAGER', 'GROUP_MANAGER', 'CIN_REVIEWING_OFFICER', 'INDEPENDENT_REVIEWING_OFFICER',
        'CHILD_PROTECTION_CHAIR')),
    chair_name                   varchar(200),
    chair_is_case_team_manager   boolean,
    agreed_review_interval_weeks integer check (agreed_review_interval_weeks between 1 and 520),
    next_review_date             date,
    outcome                      varchar(10) check (outcome in ('CLOSE', 'CONTINUE', 'REASSESS', 'ESCALATE')),
    is_final                     boolean     not null default false,
    interval_exception_reason    varchar(2000),
    created_at                   timestamptz not null default now()
);
create index meeting_plan on meeting (plan_id, held_on);

create table attendee (
    meeting_id uuid         not null references meeting (id),
    position   integer      not null,
    name       varchar(200) not null,
    role       varchar(200) not null,
    invited    boolean      not null,
    attended   boolean      not null,
    primary key (meeting_id, position)
);

create table plan_event (
    id          uuid primary key,
    plan_id     uuid        not null references cin_plan (id),
    kind        varchar(30) not null check (kind in ('PLAN_DISTRIBUTED', 'PLAN_UPDATED', 'MEETING_RECORDED',
        'MANAGER_SIGN_OFF', 'INVITATIONS_SENT', 'REPORT_SHARED', 'REPORT_APPROVED', 'CASE_SUMMARY',
        'MANAGEMENT_OVERSIGHT', 'STEP_DOWN_PREPARATION', 'MHA_S136_INCIDENT', 'MHA_S136_REVIEW')),
    occurred_on date        not null,
    meeting_id  uuid references meeting (id),
    created_at  timestamptz not null default now()
);
create index plan_event_plan on plan_event (plan_id, occurred_on);

create table visit (
    id          uuid primary key,
    plan_id     uuid        not null references cin_plan (id),
    visited_on  date        not null,
    child_seen  boolean     not null,
    seen_alone  boolean     not null,
    note        varchar(4000),
    created_at  timestamptz not null default now()
);
create index visit_plan on visit (plan_id, visited_on);

-- A plan's deadlines as the policy computes them, rewritten in the transaction of every write to the plan. Each
-- row says when the deadline arose, when it was met, and when it ceased to apply (the plan closed), so that lists
-- can be filtered and counted in SQL as of any date.
create table plan_deadline (
    plan_id          uuid        not null references cin_plan (id),
    position         integer     not null,
    kind             varchar(30) not null,
    due_date         date        not null,
    rule_id          varchar(20) not null,
    responsible_role varchar(40),
    meeting_id       uuid,
    arose_on         date        not null,
    met_on           date,
    ended_on         date,
    primary key (plan_id, position)
);
create index plan_deadline_due on plan_deadline (due_date, plan_id);

-- The first result of each client mutation id, per caller: a replayed mutation returns it and writes nothing.
create table mutation_receipt (
    caller             varchar(200) not null,
    client_mutation_id varchar(200) not null,
    mutation           varchar(40)  not null,
    result             text         not null,
    created_at         timestamptz  not null default now(),
    primary key (caller, client_mutation_id)
);
