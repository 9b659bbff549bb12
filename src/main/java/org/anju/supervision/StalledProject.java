package org.anju.supervision;

import java.util.List;

/** A project that does not move: why, in words an official would write. */
public record StalledProject(long projectId, String regionCode, String regionName, String programCode,
                            String programName, int year, String name, String size, boolean carriedOver,
                            List<String> reasons) {
}
