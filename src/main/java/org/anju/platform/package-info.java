/**
 * The shared ground every feature stands on: the database (embedded or external PostgreSQL), the audit trail's SQL, layout and error pages, problem details, import jobs and their turns (ImportSlots), Beijing time, printed-label comparison. Depends on no feature.
 */
@org.springframework.modulith.ApplicationModule(displayName = "平台 Platform", allowedDependencies = {})
package org.anju.platform;
