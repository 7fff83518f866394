-- The statements the service runs for one caseload page (workload 1), as captured from PostgreSQL's log: the
-- authority scope, the page, the batched loads of the page's plans' meetings, events, visits, children and families,
-- and the audit rows of the children read. The floor the service is compared with.
BEGIN;
select set_config('cin.authority', 'camden', true), set_config('statement_timeout', '15000ms', true);
select p.*, c.disabled as child_disabled, f.team from cin_plan p join child c on c.id = p.child_id join family f on f.id = c.family_id where true and p.authority_code = 'camden' and p.status = 'OPEN' order by p.id limit 51;
select p.*, c.disabled as child_disabled, f.team from cin_plan p join child c on c.id = p.child_id join family f on f.id = c.family_id where p.id = any(array(select id from cin_plan where authority_code = 'camden' and status = 'OPEN' order by id limit 50));
select * from meeting where plan_id = any(array(select id from cin_plan where authority_code = 'camden' and status = 'OPEN' order by id limit 50)) order by held_on, created_at, id;
select * from plan_event where plan_id = any(array(select id from cin_plan where authority_code = 'camden' and status = 'OPEN' order by id limit 50)) order by occurred_on, created_at, id;
select * from visit where plan_id = any(array(select id from cin_plan where authority_code = 'camden' and status = 'OPEN' order by id limit 50)) order by visited_on, created_at, id;
select c.*, f.team from child c join family f on f.id = c.family_id where c.id = any(array(select child_id from cin_plan where authority_code = 'camden' and status = 'OPEN' order by id limit 50));
select id, authority_code, team, name from family where id = any(array(select c.family_id from cin_plan p join child c on c.id = p.child_id where p.authority_code = 'camden' and p.status = 'OPEN' order by p.id limit 50));
insert into audit.audit_event (caller, role, action, operation, child_id, fields) select 'pgbench', 'TEAM_MANAGER', 'READ', 'caseload', t.child, '{givenName,familyName}' from unnest(array(select child_id from cin_plan where authority_code = 'camden' and status = 'OPEN' order by id limit 50)) as t(child);
COMMIT;
