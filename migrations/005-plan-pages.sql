--liquibase formatted sql

--changeset cin:005-plan-pages
-- A page of an authority's plans (by status, in id order) is read straight off this index, without sorting them all.
create index cin_plan_authority_status on cin_plan (authority_code, status, id);
