-- The ordered caseload page's SQL (workload 1b) as the service sends it: a manager's open plans of camden, next review
-- due first, as of today (PlanRepository.page). src/bench/run explains it with its actual rows (the explain workload)
-- and summary.py checks the plan: index scans (plan_review_open_ended for today's stretches), no sort of more rows than
-- the two parts' 51 each, so no sort of the caseload. Run by hand: psql ... -v day="'2026-12-02'" -f ordered-page-explain.sql
BEGIN;
select set_config('cin.authority', 'camden', true);
explain (analyze, buffers, costs off)
with ending as materialized (select plan_id, authority_code, next_due, chair_role from plan_review
  where valid_to <> 'infinity'::date and valid_to > :day::date and valid_from <= :day::date)
select * from ((select p.*, c.disabled as child_disabled, f.team, nullif(r.next_due, 'infinity'::date) as sort_key,
    r.next_due as order_due from cin_plan p join child c on c.id = p.child_id join family f on f.id = c.family_id
    join plan_review r on r.plan_id = p.id and r.valid_to = 'infinity'::date and r.valid_from <= :day::date
    where p.authority_code = 'camden' and r.authority_code = 'camden' and p.referral_date <= :day::date
    and p.status = 'OPEN' order by r.next_due, p.id limit 51)
  union all (select p.*, c.disabled as child_disabled, f.team, nullif(r.next_due, 'infinity'::date) as sort_key,
    r.next_due as order_due from cin_plan p join child c on c.id = p.child_id join family f on f.id = c.family_id
    join ending r on r.plan_id = p.id
    where p.authority_code = 'camden' and r.authority_code = 'camden' and p.referral_date <= :day::date
    and p.status = 'OPEN' order by r.next_due, p.id limit 51)) page order by order_due, id limit 51;
-- The summary over all of camden as of a day, grouped by team.
explain (analyze, costs off)
select f.team, null::varchar, null::varchar, null::varchar, count(*),
  count(*) filter (where exists (select 1 from plan_overdue o where o.plan_id = p.id and o.valid_from <= :day::date
    and o.valid_to > :day::date)),
  count(*) filter (where r.next_due >= :day::date and r.next_due <= :day::date + 7),
  count(*) filter (where r.next_due >= :day::date and r.next_due <= :day::date + 28)
from cin_plan p join child c on c.id = p.child_id join family f on f.id = c.family_id
join (select plan_id, authority_code, next_due, chair_role from plan_review where valid_to = 'infinity'::date
  and valid_from <= :day::date union all select plan_id, authority_code, next_due, chair_role from plan_review
  where valid_to <> 'infinity'::date and valid_to > :day::date and valid_from <= :day::date) r on r.plan_id = p.id
where p.authority_code = 'camden' and r.authority_code = 'camden' and p.referral_date <= :day::date
and p.referral_date <= :day::date and (p.closed_on is null or p.closed_on > :day::date)
group by f.team order by 5 desc;
COMMIT;
