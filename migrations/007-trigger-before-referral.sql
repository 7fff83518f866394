--liquibase formatted sql

--changeset cin:007-trigger-before-referral
-- POLICY-RULES.md §9: only a plan after an assessment, or for a privately fostered child, has its trigger on or after
-- the referral. Other triggers are outside events (a conference, a discharge from care, the end of proceedings, a
-- family becoming resident) that may come before the receiving team's referral.
alter table cin_plan drop constraint cin_plan_check;
alter table cin_plan add constraint cin_plan_trigger_after_referral check (trigger_date >= referral_date
    or start_reason not in ('AFTER_ASSESSMENT', 'PRIVATE_FOSTERING'));
