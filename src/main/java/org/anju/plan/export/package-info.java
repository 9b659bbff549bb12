/**
 * A plan's breakdown table as XLSX in its printed layout. A named interface of the plan module (used by cli and demo).
 */
@org.springframework.modulith.NamedInterface("export")
package org.anju.plan.export;
