/**
 * Reading a plan document or table into a draft: columns, regions, figures, questions for the user, preview and commit. A named interface of the plan module (used by cli and demo).
 */
@org.springframework.modulith.NamedInterface("imports")
package org.anju.plan.imports;
