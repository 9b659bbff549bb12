package org.anju.rental.waiting;

import org.anju.platform.Conflict;
import org.anju.region.Region;
import org.anju.rental.application.CityRules;
import org.anju.rental.application.RuleFile;
import org.anju.rental.application.RuleFormat;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The waiting-list rules a city uploaded ({@link CityRules}, kind {@code WAITING}): the version in force on a day, read
 * by {@link WaitingRules} (each stored file parsed once; a stored file never changes). A city without a version in force
 * gets a refusal saying what to upload and where — no list is ordered by a guess.
 */
@Component
public class WaitingRuleBook {

    private final CityRules cityRules;
    private final Map<Long, WaitingRules> parsed = new ConcurrentHashMap<>();

    WaitingRuleBook(CityRules cityRules) {
        this.cityRules = cityRules;
    }

    /** Every uploaded version of the cities whose documents the current user reads, by city, newest first. */
    public List<WaitingRules> all() {
        return cityRules.readable(RuleFile.Kind.WAITING).stream().map(this::rules).toList();
    }

    /**
     * The rules of {@code city} in force on {@code day}.
     *
     * @throws Conflict naming what to upload when the city has none in force that day
     */
    public WaitingRules forCity(Region city, LocalDate day) {
        return cityRules.inForce(city, RuleFile.Kind.WAITING, RuleFile.WAITING_PROGRAMME, day).map(this::rules)
                .orElseThrow(() -> missing(city, day));
    }

    /** Whether the city has rules in force on {@code day}. */
    public boolean has(Region city, LocalDate day) {
        return cityRules.inForce(city, RuleFile.Kind.WAITING, RuleFile.WAITING_PROGRAMME, day).isPresent();
    }

    static Conflict missing(Region city, LocalDate day) {
        return CityRules.missing(city, RuleFile.Kind.WAITING, day, "无法排出轮候顺序或组织配租");
    }

    private WaitingRules rules(RuleFile f) {
        return parsed.computeIfAbsent(f.id(), id -> WaitingRules.parse(f.fileName(), f.content()));
    }

    /** How {@link CityRules} reads an uploaded waiting-list file: {@link WaitingRules#parse}, refusing what it refuses. */
    @Component
    static class Format implements RuleFormat {

        @Override
        public RuleFile.Kind kind() {
            return RuleFile.Kind.WAITING;
        }

        @Override
        public Stated read(String fileName, String text) {
            WaitingRules r = WaitingRules.parse(fileName, text);
            return new Stated(r.city(), RuleFile.WAITING_PROGRAMME, r.name(), r.from(), r.to());
        }
    }
}
