package org.anju.project;

/**
 * The stalled-project statement as it was before issue 15's third session (commit bb3e807): one backward look-up of
 * project_progress per candidate. Kept only as the oracle the rewritten {@link ProjectRepository#STALL_CANDIDATES}
 * must equal, row for row and column for column, with the same parameters ({@link ProjectRepository#stallParams}).
 */
final class StallOracle {

    private StallOracle() {
    }

    static final String SQL = """
                with c as (
                    select p.id, p.started_on, p.prelim_done_on
                    from project p
                    join region_ancestor a on a.region_id = p.region_id and a.ancestor_id = :scope
                    where (p.year = :year or (p.year < :year and (p.basic_completed_on is null
                                                                    or extract(year from p.basic_completed_on) >= :year)))
                      and (p.basic_completed_on is null or p.basic_completed_on > :end)
                      and ((p.started_on <= :end and p.prelim_done_on is null)
                           or ((p.started_on is null or p.started_on > :end) and p.prelim_done_on is null and :month >= 6)
                           or ((p.started_on is null or p.started_on > :end) and :month >= 10)
                           or p.started_on < :windowStart)
                ),
                l as (
                    select c.*, pp.progress_period, pp.investment, pp.image_progress,
                           case when c.started_on < :windowStart then pp.earlier_period end as earlier_period,
                           case when c.started_on < :windowStart then pp.earlier_investment end as earlier_investment
                    from c
                    left join lateral (
                        select y.period as progress_period, y.investment, y.image_progress,
                               case when y.period <= :windowStart then y.period
                                    when y.p2 <= :windowStart then y.p2 else y.p3 end as earlier_period,
                               case when y.period <= :windowStart then y.investment
                                    when y.p2 <= :windowStart then y.i2 else y.i3 end as earlier_investment
                        from (select x.period, x.investment, x.image_progress,
                                     lead(x.period, 1) over w as p2, lead(x.investment, 1) over w as i2,
                                     lead(x.period, 2) over w as p3, lead(x.investment, 2) over w as i3
                              from (select period, investment, image_progress from project_progress x
                                    where x.project_id = c.id and x.period <= :upto
                                    order by x.period desc limit 3) x
                              window w as (order by x.period desc)) y
                        order by y.period desc limit 1) pp on true
                    where (c.started_on <= :end and c.prelim_done_on is null)
                       or ((c.started_on is null or c.started_on > :end) and c.prelim_done_on is null and :month >= 6)
                       or ((c.started_on is null or c.started_on > :end) and :month >= 10)
                       or (c.started_on < :windowStart
                           and (pp.progress_period is null or pp.progress_period < :windowStart
                                or (pp.earlier_period is not null and pp.investment <= pp.earlier_investment)))
                )
                select p.*, g.code as region_code, g.name as region_name,
                       l.progress_period, l.investment, l.image_progress, l.earlier_period, l.earlier_investment
                from l
                join project p on p.id = l.id
                join region g on g.id = p.region_id
                order by p.program_code, g.code, p.year, p.name""";
}
