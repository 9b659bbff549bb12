-- Roles for the levels below the county and for the 住房保障 office (org.anju.account.Role): 县级管理员
-- (COUNTY_ADMIN), 住房保障审核员 (HOUSING_OFFICE), 街道初审员 (TOWN_REVIEWER), 社区受理员 (COMMUNITY_CLERK).
alter table users drop constraint users_roles_check;
alter table users add constraint users_roles_check check (cardinality(roles) > 0 and roles <@
    '{PROVINCE_ADMIN,CITY_ADMIN,COUNTY_ADMIN,HOUSING_OFFICE,COUNTY_REPORTER,TOWN_REVIEWER,COMMUNITY_CLERK,VIEWER}');
