-- For every load and file, rows in equal rows accepted plus rows rejected.
select load_id, 'load' as level, rows_in, rows_accepted, rows_rejected from raw_load
where rows_in <> rows_accepted + rows_rejected
union all
select load_id, file_name, rows_in, rows_accepted, rows_rejected from raw_load_file
where rows_in <> rows_accepted + rows_rejected
