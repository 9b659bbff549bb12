-- The audit trail on the project register. Projects come a few hundred per import: one entry per row.
-- Monthly progress comes per project and month, and in bulk (a register import with a month column, or
-- a province's projects loaded at once): one entry per statement and project, the rows as a JSON array;
-- the history of one month's figure is picked out of its project's entries (AuditTrail.history).
select audit_enable('project');
select audit_enable('project_progress', '{project_id,period}', granularity => 'statement',
                    group_columns => '{project_id}');
