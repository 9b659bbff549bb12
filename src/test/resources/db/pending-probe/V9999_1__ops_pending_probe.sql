-- test only (org.anju.platform.OperationsEndpointsTest): a migration the test database has not run, to see the readiness
-- probe's migration check turn OUT_OF_SERVICE. Never applied: the test only asks Flyway for its info.
create table ops_pending_probe (id int);
