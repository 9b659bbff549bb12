/**
 * Checks of a plan draft against itself and the plans above it (findings). A named interface of the plan module (used by cli and demo).
 */
@org.springframework.modulith.NamedInterface("check")
package org.anju.plan.check;
