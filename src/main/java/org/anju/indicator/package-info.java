/**
 * Programs (工程类别), stages, measures and the indicators made of them; matching of printed column headers to indicators. Reference data only: its pages and API are in catalog.
 */
@org.springframework.modulith.ApplicationModule(displayName = "指标 Indicators", allowedDependencies = {"platform"})
package org.anju.indicator;
