package org.anju.indicator;

import java.util.List;

/** A stage of work (开工, 基本建成, …) or of a subsidy (发放). */
public record Stage(String code, String name, List<String> aliases, int sortOrder) {
}
