package org.anju.indicator;

import java.util.List;

/** A housing program (工程类别), e.g. SHANTYTOWN 城市棚户区改造. */
public record Program(String code, String name, String shortName, List<String> aliases, String defaultStage,
                      String defaultMeasure, int sortOrder) {
}
