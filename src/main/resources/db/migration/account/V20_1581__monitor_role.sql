-- 运维监控 (MONITOR, org.anju.account.Role): the account a monitoring system scrapes /actuator/prometheus with. It reads
-- the node's metrics and nothing of the business data (issue 15); bound to 全国, which the application checks.
alter table users drop constraint users_roles_check;
alter table users add constraint users_roles_check check (cardinality(roles) > 0 and roles <@
    '{PROVINCE_ADMIN,CITY_ADMIN,COUNTY_ADMIN,HOUSING_OFFICE,COUNTY_REPORTER,TOWN_REVIEWER,COMMUNITY_CLERK,VIEWER,MONITOR}');
