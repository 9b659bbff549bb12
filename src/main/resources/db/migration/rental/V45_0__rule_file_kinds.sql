-- A city's waiting-list rules (轮候规则, WaitingRules.parse) and lease rules (租赁规则, LeaseRules.parse) are rule files it
-- uploads like its eligibility rules and review flows: verbatim, with who and when, versioned by the 生效/失效 lines the
-- file states. They used to be read from the class path at start, so that only a new build could change them.
alter table rental_rule_file drop constraint rental_rule_file_kind_check;
alter table rental_rule_file add constraint rental_rule_file_kind_check check (kind in ('RULES', 'FLOW', 'WAITING', 'LEASE'));

-- the uploaded lease rules a lease was signed under (rules_file and rules_from stay: its name and 生效 as shown); null
-- only for a lease signed before the rules were uploads, found then by city, file name and 生效
alter table rental_lease add column rules_id bigint references rental_rule_file (id);
