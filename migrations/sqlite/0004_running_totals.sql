-- Running totals for the dashboard, kept by triggers in the same transaction as the change,
-- so that a leader's first screen reads a few rows instead of a million petitions.

-- Petitions by the year they were written, their state and their main category.
CREATE TABLE petition_tally (
  year     INTEGER NOT NULL,
  state    TEXT NOT NULL,
  category TEXT NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (year, state, category)
) WITHOUT ROWID;

CREATE TRIGGER petition_tally_category_added AFTER INSERT ON petition_categories
WHEN NEW.position = 0 BEGIN
  INSERT INTO petition_tally (year, state, category, n)
  SELECT p.year, p.state, NEW.category, 1 FROM petitions p WHERE p.id = NEW.petition_id
  ON CONFLICT (year, state, category) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER petition_tally_category_removed AFTER DELETE ON petition_categories
WHEN OLD.position = 0 BEGIN
  UPDATE petition_tally SET n = n - 1
  WHERE (year, state, category) = (SELECT p.year, p.state, OLD.category FROM petitions p WHERE p.id = OLD.petition_id);
END;

CREATE TRIGGER petition_tally_state_changed AFTER UPDATE OF state ON petitions
WHEN OLD.state <> NEW.state BEGIN
  UPDATE petition_tally SET n = n - 1
  WHERE year = OLD.year AND state = OLD.state
    AND category = (SELECT category FROM petition_categories WHERE petition_id = OLD.id AND position = 0);
  INSERT INTO petition_tally (year, state, category, n)
  SELECT NEW.year, NEW.state, category, 1 FROM petition_categories WHERE petition_id = NEW.id AND position = 0
  ON CONFLICT (year, state, category) DO UPDATE SET n = n + 1;
END;

-- Answers by the year they were given, on time or late; ratings by the petition's year.
CREATE TABLE petition_answer_tally (
  year    INTEGER NOT NULL,
  on_time INTEGER NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (year, on_time)
) WITHOUT ROWID;

CREATE TRIGGER petition_answer_tally_changed AFTER UPDATE OF answered_on, due_on ON petitions
WHEN OLD.answered_on IS NOT NEW.answered_on OR OLD.due_on IS NOT NEW.due_on BEGIN
  UPDATE petition_answer_tally SET n = n - 1
  WHERE OLD.answered_on IS NOT NULL AND OLD.due_on IS NOT NULL
    AND year = CAST(substr(OLD.answered_on, 1, 4) AS INTEGER) AND on_time = (OLD.answered_on <= OLD.due_on);
  INSERT INTO petition_answer_tally (year, on_time, n)
  SELECT CAST(substr(NEW.answered_on, 1, 4) AS INTEGER), NEW.answered_on <= NEW.due_on, 1
  WHERE NEW.answered_on IS NOT NULL AND NEW.due_on IS NOT NULL
  ON CONFLICT (year, on_time) DO UPDATE SET n = n + 1;
END;

CREATE TABLE petition_rating_tally (
  year   INTEGER PRIMARY KEY,
  rated  INTEGER NOT NULL,
  total  INTEGER NOT NULL
);

CREATE TRIGGER petition_rating_tally_changed AFTER UPDATE OF rating ON petitions
WHEN OLD.rating IS NOT NEW.rating BEGIN
  UPDATE petition_rating_tally SET rated = rated - 1, total = total - OLD.rating
  WHERE OLD.rating IS NOT NULL AND year = OLD.year;
  INSERT INTO petition_rating_tally (year, rated, total) SELECT NEW.year, 1, NEW.rating WHERE NEW.rating IS NOT NULL
  ON CONFLICT (year) DO UPDATE SET rated = rated + 1, total = total + excluded.total;
END;

-- What is already there.
INSERT INTO petition_tally (year, state, category, n)
SELECT p.year, p.state, pc.category, count(*) FROM petitions p
JOIN petition_categories pc ON pc.petition_id = p.id AND pc.position = 0 GROUP BY 1, 2, 3;
INSERT INTO petition_answer_tally (year, on_time, n)
SELECT CAST(substr(answered_on, 1, 4) AS INTEGER), answered_on <= due_on, count(*) FROM petitions
WHERE answered_on IS NOT NULL AND due_on IS NOT NULL GROUP BY 1, 2;
INSERT INTO petition_rating_tally (year, rated, total)
SELECT year, count(*), sum(rating) FROM petitions WHERE rating IS NOT NULL GROUP BY year;

-- The oldest open petitions, in the order they came in.
CREATE INDEX petitions_open_by_age ON petitions (submitted_at, id)
WHERE state IN ('submitted', 'received', 'forwarded', 'assigned');
