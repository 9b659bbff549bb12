package org.anju;

import org.anju.region.Region;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 保障家庭 rows for tests that need many of them beside each other (the statistics tests): written by SQL, their personal
 * fields stand-in bytes (nothing opens them), with the triggers off ({@code session_replication_role = replica}, set by
 * the caller in its transaction).
 */
public final class SyntheticHouseholds {

    private SyntheticHouseholds() {
    }

    /** Households numbered {@code from}..{@code to} (unique across calls) of {@code county}, qualified 2024-01-01. */
    public static void insert(JdbcTemplate template, Region city, Region county, String guarantee, int from, int to) {
        template.update("""
                insert into rental_household (city_id, county_id, region_id, applicant_name_enc, applicant_name_bidx,
                    applicant_name_masked, applicant_id_enc, applicant_id_bidx, applicant_id_masked, held_area,
                    guarantee, certificate_no, qualified_on, created_by, updated_by)
                select ?, ?, ?, decode(md5('n' || i), 'hex'), decode(md5('nb' || i), 'hex'), '王*',
                       decode(md5('i' || i), 'hex'), decode(md5('ib' || i), 'hex'), '3607**********0000',
                       0, ?, ? || lpad(i::text, 7, '0'), date '2024-01-01', 'test', 'test'
                  from generate_series(?, ?) i""", city.id(), county.id(), county.id(), guarantee, county.code(), from, to);
    }
}
