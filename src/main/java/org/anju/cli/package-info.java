/**
 * The command line in the same jar (plan, project, report, progress, bulletin, user, rental draw verify), acting as the operator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "命令行 CLI", allowedDependencies = {"account", "bulletin", "intake", "plan", "plan :: imports", "plan :: check", "plan :: export", "platform", "progress", "project", "region", "privacy", "ledger :: item", "rental :: draw", "report"})
package org.anju.cli;
