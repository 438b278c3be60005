-- Search at national size (35,000 cooperatives, a million petitions).
--
-- The register's q= is a substring of the folded name, code, address and commune ("tai hoan",
-- "che"): a trigram index serves it (FTS5's trigram tokenizer: a phrase of trigrams is a
-- substring), kept in step with the cooperatives by triggers. PostgreSQL has pg_trgm's GIN
-- index on the same column (0007).
CREATE VIRTUAL TABLE cooperatives_trgm USING fts5 (
  search_folded, content = 'cooperatives', content_rowid = 'id', tokenize = 'trigram');
INSERT INTO cooperatives_trgm (cooperatives_trgm) VALUES ('rebuild');
CREATE TRIGGER cooperatives_trgm_insert AFTER INSERT ON cooperatives BEGIN
  INSERT INTO cooperatives_trgm (rowid, search_folded) VALUES (new.id, new.search_folded);
END;
CREATE TRIGGER cooperatives_trgm_delete AFTER DELETE ON cooperatives BEGIN
  INSERT INTO cooperatives_trgm (cooperatives_trgm, rowid, search_folded)
  VALUES ('delete', old.id, old.search_folded);
END;
CREATE TRIGGER cooperatives_trgm_update AFTER UPDATE OF search_folded ON cooperatives BEGIN
  INSERT INTO cooperatives_trgm (cooperatives_trgm, rowid, search_folded)
  VALUES ('delete', old.id, old.search_folded);
  INSERT INTO cooperatives_trgm (rowid, search_folded) VALUES (new.id, new.search_folded);
END;

-- The petitions' words: the last word of a query is matched as a prefix, from an index of
-- 2-, 3- and 4-letter prefixes (a common syllable such as "dong" is a prefix too, and merging
-- its variants at every query would cost more than keeping them); no positions are kept (no
-- query needs them), which makes the index smaller and faster to write.
CREATE VIRTUAL TABLE petitions_fts_new USING fts5 (
  folded, tokenize = 'unicode61', prefix = '2 3 4', detail = 'none');
INSERT INTO petitions_fts_new (rowid, folded) SELECT rowid, folded FROM petitions_fts;
DROP TABLE petitions_fts;
ALTER TABLE petitions_fts_new RENAME TO petitions_fts;
-- Every write transaction adds a small segment to the index; merging them four at a time (the
-- default) cost a write at a million petitions more than the rest of it. Sixteen at a time,
-- and a forced merge only at 64 segments on a level, made the index's part of a write three
-- times cheaper (0.59 to 0.20 ms) for a search about a quarter slower.
INSERT INTO petitions_fts (petitions_fts, rank) VALUES ('automerge', 16);
INSERT INTO petitions_fts (petitions_fts, rank) VALUES ('crisismerge', 64);
