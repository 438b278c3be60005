-- Running totals of the register's yearly figures by kind, status and classification, kept by
-- triggers, so that the province-wide indicators (the dashboard's headline) read a few rows.
-- Indicators for one place still add up the figures of that place (core/planning.cpp).

CREATE TABLE figures_tally (
  year              INTEGER NOT NULL,
  kind              TEXT NOT NULL,
  status            TEXT NOT NULL,
  classification    TEXT NOT NULL,  -- '' = not rated
  n                 INTEGER NOT NULL,
  members_official  INTEGER NOT NULL,
  members_associate INTEGER NOT NULL,
  workers           INTEGER NOT NULL,
  revenue_vnd       INTEGER NOT NULL,
  profit_vnd        INTEGER NOT NULL,
  income_weighted   INTEGER NOT NULL,  -- Σ avg_income × members
  PRIMARY KEY (year, kind, status, classification)
) WITHOUT ROWID;

CREATE TRIGGER figures_tally_added AFTER INSERT ON cooperative_years BEGIN
  INSERT INTO figures_tally
  SELECT NEW.year, c.kind, c.status, coalesce(NEW.classification, ''), 1, NEW.members_official, NEW.members_associate, NEW.workers, NEW.revenue_vnd, NEW.profit_vnd, NEW.avg_income_vnd * (NEW.members_official + NEW.members_associate)
  FROM cooperatives c WHERE c.id = NEW.cooperative_id
  ON CONFLICT (year, kind, status, classification) DO UPDATE SET n = n + excluded.n, members_official = members_official + excluded.members_official, members_associate = members_associate + excluded.members_associate, workers = workers + excluded.workers, revenue_vnd = revenue_vnd + excluded.revenue_vnd, profit_vnd = profit_vnd + excluded.profit_vnd, income_weighted = income_weighted + excluded.income_weighted;
END;

CREATE TRIGGER figures_tally_removed AFTER DELETE ON cooperative_years BEGIN
  UPDATE figures_tally SET n = n - 1, members_official = members_official - OLD.members_official, members_associate = members_associate - OLD.members_associate, workers = workers - OLD.workers, revenue_vnd = revenue_vnd - OLD.revenue_vnd, profit_vnd = profit_vnd - OLD.profit_vnd, income_weighted = income_weighted - OLD.avg_income_vnd * (OLD.members_official + OLD.members_associate)
  WHERE (year, kind, status, classification) =
        (SELECT OLD.year, c.kind, c.status, coalesce(OLD.classification, '') FROM cooperatives c WHERE c.id = OLD.cooperative_id);
END;

CREATE TRIGGER figures_tally_changed AFTER UPDATE ON cooperative_years BEGIN
  UPDATE figures_tally SET n = n - 1, members_official = members_official - OLD.members_official, members_associate = members_associate - OLD.members_associate, workers = workers - OLD.workers, revenue_vnd = revenue_vnd - OLD.revenue_vnd, profit_vnd = profit_vnd - OLD.profit_vnd, income_weighted = income_weighted - OLD.avg_income_vnd * (OLD.members_official + OLD.members_associate)
  WHERE (year, kind, status, classification) =
        (SELECT OLD.year, c.kind, c.status, coalesce(OLD.classification, '') FROM cooperatives c WHERE c.id = OLD.cooperative_id);
  INSERT INTO figures_tally
  SELECT NEW.year, c.kind, c.status, coalesce(NEW.classification, ''), 1, NEW.members_official, NEW.members_associate, NEW.workers, NEW.revenue_vnd, NEW.profit_vnd, NEW.avg_income_vnd * (NEW.members_official + NEW.members_associate)
  FROM cooperatives c WHERE c.id = NEW.cooperative_id
  ON CONFLICT (year, kind, status, classification) DO UPDATE SET n = n + excluded.n, members_official = members_official + excluded.members_official, members_associate = members_associate + excluded.members_associate, workers = workers + excluded.workers, revenue_vnd = revenue_vnd + excluded.revenue_vnd, profit_vnd = profit_vnd + excluded.profit_vnd, income_weighted = income_weighted + excluded.income_weighted;
END;

-- A cooperative that changes kind or status moves all its years.
CREATE TRIGGER figures_tally_cooperative_changed AFTER UPDATE OF kind, status ON cooperatives
WHEN OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status BEGIN
  UPDATE figures_tally SET n = figures_tally.n - 1, members_official = figures_tally.members_official - y.members_official, members_associate = figures_tally.members_associate - y.members_associate, workers = figures_tally.workers - y.workers, revenue_vnd = figures_tally.revenue_vnd - y.revenue_vnd, profit_vnd = figures_tally.profit_vnd - y.profit_vnd, income_weighted = figures_tally.income_weighted - y.avg_income_vnd * (y.members_official + y.members_associate)
  FROM cooperative_years y
  WHERE y.cooperative_id = NEW.id AND figures_tally.year = y.year AND figures_tally.kind = OLD.kind
    AND figures_tally.status = OLD.status AND figures_tally.classification = coalesce(y.classification, '');
  INSERT INTO figures_tally
  SELECT y.year, NEW.kind, NEW.status, coalesce(y.classification, ''), 1, y.members_official, y.members_associate, y.workers, y.revenue_vnd, y.profit_vnd, y.avg_income_vnd * (y.members_official + y.members_associate)
  FROM cooperative_years y WHERE y.cooperative_id = NEW.id
  ON CONFLICT (year, kind, status, classification) DO UPDATE SET n = n + excluded.n, members_official = members_official + excluded.members_official, members_associate = members_associate + excluded.members_associate, workers = workers + excluded.workers, revenue_vnd = revenue_vnd + excluded.revenue_vnd, profit_vnd = profit_vnd + excluded.profit_vnd, income_weighted = income_weighted + excluded.income_weighted;
END;

INSERT INTO figures_tally
SELECT y.year, c.kind, c.status, coalesce(y.classification, ''), count(*), sum(y.members_official),
       sum(y.members_associate), sum(y.workers), sum(y.revenue_vnd), sum(y.profit_vnd),
       sum(y.avg_income_vnd * (y.members_official + y.members_associate))
FROM cooperative_years y JOIN cooperatives c ON c.id = y.cooperative_id GROUP BY 1, 2, 3, 4;

-- New and dissolved cooperatives of a year, counted from an index.
CREATE INDEX cooperatives_founded ON cooperatives (founded_on);
CREATE INDEX cooperatives_dissolved ON cooperatives (dissolved_on) WHERE dissolved_on IS NOT NULL;

-- Lists of petitions in one state, newest first, without sorting them all.
CREATE INDEX petitions_state_created ON petitions (state, created_at, id);
