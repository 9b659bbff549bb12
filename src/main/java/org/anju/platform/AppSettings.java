package org.anju.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Small facts the application keeps about itself (e.g. that demo data was loaded once). */
@Component
public class AppSettings {

    private final JdbcClient jdbc;

    AppSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> get(String key) {
        return jdbc.sql("select value from app_setting where key = ?").param(key).query(String.class).optional();
    }

    public void put(String key, String value) {
        jdbc.sql("""
                insert into app_setting (key, value) values (?, ?)
                on conflict (key) do update set value = excluded.value, updated_at = now()""")
                .params(key, value).update();
    }
}
