/**
 * Users, roles, sign-in and its throttling, sessions, the current actor (Access, Actor) and its checks, the audit trail, the @Requires declarations every web handler carries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "账号与权限 Accounts", allowedDependencies = {"platform", "region"})
package org.anju.account;
