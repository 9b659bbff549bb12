package org.anju.indicator;

import java.util.List;

/** A unit of measure (套, 户, 万平方米, …); {@code exact} for counts, false for rounded quantities. */
public record Measure(String code, String name, List<String> aliases, boolean exact, int sortOrder) {
}
