-- Sorting the register by name with the Vietnamese collator, from an index: the ICU sort key
-- of each name (SQL function vi_key, registered on every connection).
ALTER TABLE cooperatives ADD COLUMN name_sort BLOB;
UPDATE cooperatives SET name_sort = vi_key(name);
CREATE INDEX cooperatives_name_sort ON cooperatives (name_sort, id);
