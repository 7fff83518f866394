-- The statements the service runs for one write of workload 3 (recordMeeting, recordPlanEvent, recordVisit, a third
-- each, on a random one of the first 5,000 open camden plans), as captured from PostgreSQL's log: the plan read for
-- access, locked and read again with its meetings, events and visits, the new row, the plan's version, its stored
-- deadlines, review stretches and overdue spells rewritten, the audit row, and the payload's read. The floor the
-- writes are compared with. Two liberties, both in the floor's disfavour: the plan is picked by an offset scan inside
-- the measured transaction, and each table's delete and insert of the plan's rows is one statement (the same rows, put back
-- as they were) where the service sends two.
\set n random(0, 4999)
\set kind random(0, 2)
BEGIN READ WRITE;
select set_config('cin.authority', 'camden', true), set_config('statement_timeout', '15000ms', true);
select quote_literal(id) as plan from cin_plan where authority_code = 'camden' and status = 'OPEN' order by id offset :n limit 1 \gset
select p.*, c.disabled as child_disabled, f.team from cin_plan p join child c on c.id = p.child_id join family f on f.id = c.family_id where p.id = any(array[:plan::uuid]);
SAVEPOINT savepoint_1;
select id from cin_plan where id = :plan for no key update;
select p.*, c.disabled as child_disabled, f.team from cin_plan p join child c on c.id = p.child_id join family f on f.id = c.family_id where p.id = any(array[:plan::uuid]);
select * from meeting where plan_id = any(array[:plan::uuid]) order by held_on, created_at, id;
select * from plan_event where plan_id = any(array[:plan::uuid]) order by occurred_on, created_at, id;
select * from visit where plan_id = any(array[:plan::uuid]) order by visited_on, created_at, id;
\if :kind = 0
select quote_literal(gen_random_uuid()) as meeting \gset
insert into meeting (id, plan_id, kind, held_on, chair_role, chair_name, chair_is_case_team_manager, agreed_review_interval_weeks, next_review_date, outcome, is_final, interval_exception_reason) values (:meeting, :plan, 'NETWORK', current_date, 'SOCIAL_WORKER', null, null, null, null, null, false, null);
insert into attendee (meeting_id, position, name, role, invited, attended) values (:meeting, 0, 'Bench attendee', 'School', true, true);
insert into attendee (meeting_id, position, name, role, invited, attended) values (:meeting, 1, 'Bench parent', 'Parent', true, true);
\elif :kind = 1
insert into plan_event (id, plan_id, kind, occurred_on, meeting_id) values (gen_random_uuid(), :plan, 'MANAGEMENT_OVERSIGHT', current_date, null);
\else
insert into visit (id, plan_id, visited_on, child_seen, seen_alone, note) values (gen_random_uuid(), :plan, current_date, true, false, null);
\endif
update cin_plan set version = version + 1, updated_at = now() where id = :plan;
with gone as (delete from plan_deadline where plan_id = :plan returning *) insert into plan_deadline select * from gone;
with gone as (delete from plan_review where plan_id = :plan returning *) insert into plan_review select * from gone;
with gone as (delete from plan_overdue where plan_id = :plan returning *) insert into plan_overdue select * from gone;
insert into audit.audit_event (caller, role, action, operation, object_type, object_id, child_id) select 'pgbench', 'TEAM_MANAGER', 'WRITE', 'recordVisit', 'CinPlan', id, child_id from cin_plan where id = :plan;
RELEASE SAVEPOINT savepoint_1;
\if :kind = 0
select * from meeting where id = any(array[:meeting::uuid]);
\endif
select p.*, c.disabled as child_disabled, f.team from cin_plan p join child c on c.id = p.child_id join family f on f.id = c.family_id where p.id = any(array[:plan::uuid]);
COMMIT;
