-- Search at national size. The petition search reads the text index in id order when a word
-- is common and the GIN index when it is rare; the planner tells them apart by the words'
-- frequencies, so keep more of them in the statistics than the default 100.
-- (SQLite's 0008 adds the register's trigram index, which PostgreSQL has had since 0007.)
ALTER TABLE petition_search ALTER COLUMN document SET STATISTICS 1000;
