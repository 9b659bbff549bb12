-- The audit trail on the progress tables (functions in platform V0_2). Both are derived: a unit's
-- figures are rewritten from its report and projects on every submit or return, and the roll-ups are
-- their sums. What a user changed is audited where it was entered (report_value, project, project_progress).
select audit_exempt('progress_fact', '由上报的月报（report_value）和项目库（project、project_progress）在上报/退回时推导');
select audit_exempt('progress_rollup', '由 progress_fact 按上级地区汇总而来，可由 progress rebuild 重算');
