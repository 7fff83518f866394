--liquibase formatted sql

--changeset cin:009-audit-owner splitStatements:false
-- The audit log in a schema of its own, owned by a role nobody logs in as (${auditOwner}). The schema's owner could
-- otherwise disable its triggers, delete its rows or drop it; once the migration login stops holding that role (the
-- service's own PostgreSQL takes it back after every migration; a DBA does the same, see README, Audit), neither the
-- service nor the migration login can change the log, and only a superuser could. The migration login must hold
-- ${auditOwner} while this runs: a superuser grants it (grant ${auditOwner} to <migration login>).
do $$
begin
    if not pg_has_role(current_user, '${auditOwner}', 'USAGE') then
        raise exception 'the migration login must hold the role ${auditOwner} for this migration: '
            'grant ${auditOwner} to % (README, Audit), then revoke it once migrated', current_user;
    end if;
end
$$;
create schema audit authorization "${auditOwner}";
alter table public.audit_event set schema audit;
alter function public.audit_event_append_only() set schema audit;
alter table audit.audit_event owner to "${auditOwner}";
alter function audit.audit_event_append_only() owner to "${auditOwner}";

--changeset cin:009-audit-grants runOnChange:true
-- The service's role appends to the log and reads it (for the auditor), and nothing more. Runs again when the role's
-- name changes, which needs the audit owner role held as 009-audit-owner does.
grant usage on schema audit to "${appRole}";
grant select, insert on audit.audit_event to "${appRole}";
revoke update, delete, truncate on audit.audit_event from public;
grant usage, select on sequence audit.audit_event_id_seq to "${appRole}";
