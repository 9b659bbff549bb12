-- test only (SchemaCheckTest): a migration a newer build has and this one does not, below this build's last version
select 1;
