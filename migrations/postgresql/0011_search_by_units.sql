-- The same as SQLite's 0011 (see there): the district's and the successor communes' names
-- join the searchable text; pg_trgm's GIN index (0007) follows the column.
UPDATE cooperatives SET search_folded = search_folded
  || coalesce((SELECT ' | ' || d.name_folded FROM admin_units w
               JOIN admin_units d ON d.id = w.parent_id AND d.level = 'district'
               WHERE w.id = cooperatives.commune_id), '')
  || coalesce((SELECT ' | ' || string_agg(n.name_folded, ' | ' ORDER BY n.code)
               FROM admin_unit_successors s JOIN admin_units n ON n.id = s.new_id
               WHERE s.old_id = cooperatives.commune_id), '');
