-- Issue 12 asks that every view of a household's record be logged, not only plaintext reveals: a VIEW names the
-- record and the (masked) fields the page showed, like a REVEAL without plaintext.
alter table personal_data_access drop constraint personal_data_access_action_check;
alter table personal_data_access drop constraint personal_data_access_check;
alter table personal_data_access drop constraint personal_data_access_check1;
alter table personal_data_access add constraint personal_data_access_action_check
    check (action in ('VIEW', 'REVEAL', 'EXPORT', 'REENCRYPT'));
alter table personal_data_access add constraint personal_data_access_one_record
    check ((action in ('VIEW', 'REVEAL')) = (subject_id is not null));
alter table personal_data_access add constraint personal_data_access_rows
    check ((action in ('VIEW', 'REVEAL')) = (row_count is null));
