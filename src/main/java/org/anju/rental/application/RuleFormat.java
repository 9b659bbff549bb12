package org.anju.rental.application;

import java.time.LocalDate;

/**
 * How {@link CityRules} reads a kind of rule file it does not parse itself (waiting-list and lease rules, whose parsers
 * live with the features that use them): the feature provides one as a bean. {@link #read} refuses any problem with a
 * {@code BadInput} naming the file, line and column — nothing is stored then.
 */
public interface RuleFormat {

    RuleFile.Kind kind();

    /** What the file states about itself, after reading it whole. */
    Stated read(String fileName, String text);

    /**
     * @param programme what the file is for within its kind (a lease file's 项目); waiting-list rules use
     *                  {@link RuleFile#WAITING_PROGRAMME}
     * @param to        its 失效 line, null when it has none
     */
    record Stated(String city, String programme, String name, LocalDate from, LocalDate to) {
    }
}
