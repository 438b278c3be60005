-- The register's q= finds a cooperative by the names of its district and of the new commune
-- (after 1 July 2025) that its commune became, as well as by its own commune's name: the
-- searchable text ends with those folded names (store/cooperatives_repo.cpp writes the same).
-- The trigram index follows through its UPDATE OF search_folded trigger (0008).
UPDATE cooperatives SET search_folded = search_folded
  || coalesce((SELECT ' | ' || d.name_folded FROM admin_units w
               JOIN admin_units d ON d.id = w.parent_id AND d.level = 'district'
               WHERE w.id = cooperatives.commune_id), '')
  || coalesce((SELECT ' | ' || group_concat(name_folded, ' | ') FROM (
                 SELECT n.name_folded FROM admin_unit_successors s
                 JOIN admin_units n ON n.id = s.new_id
                 WHERE s.old_id = cooperatives.commune_id ORDER BY n.code)), '');
