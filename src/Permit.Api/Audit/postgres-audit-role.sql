-- Permit on PostgreSQL: the API's own role may add to the audit trail and read it, never change or remove it.
--
-- Run once as the database owner (the role that runs the migrations), after the migrations, and again after any
-- migration that recreates the table. Replace permit_owner / permit_api with your role names.
--
--   psql "host=… dbname=permit user=permit_owner" -v api_role=permit_api -f postgres-audit-role.sql
--
-- The API nodes then connect as permit_api with Database:MigrateOnStartup=false; migrations run as permit_owner
-- (one node, or a deployment step, with that role's connection string).

\set ON_ERROR_STOP on

-- The API role works with every other table as before …
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"api_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"api_role";

-- … but on the audit trail it may only append and read. TRUNCATE and REFERENCES go too.
REVOKE ALL ON TABLE "AuditEntries" FROM :"api_role";
GRANT SELECT, INSERT ON TABLE "AuditEntries" TO :"api_role";

-- Check: this lists exactly INSERT and SELECT for the API role.
SELECT privilege_type FROM information_schema.role_table_grants
 WHERE table_name = 'AuditEntries' AND grantee = :'api_role' ORDER BY privilege_type;
