-- Failed logins no longer lock an account for everyone (five failures from anywhere locked out its owner):
-- they delay further attempts from the address they came from (org.anju.account.LoginThrottle, in memory).
-- failed_attempts stays as information for administrators: failures since the last success, all addresses.
-- An administrator who wants an account shut disables it (enabled = false).
alter table users drop column locked_until;
