-- Running totals by lead agency, for the dashboard's "which agencies are late": a few rows per
-- agency instead of a million petitions. Drafts never count.

-- Petitions of a year by lead agency: given to it, answered, answered on time, answered late.
CREATE TABLE petition_agency_tally (
  year      INTEGER NOT NULL,
  agency_id INTEGER NOT NULL,
  assigned  INTEGER NOT NULL,
  answered  INTEGER NOT NULL,
  on_time   INTEGER NOT NULL,
  late      INTEGER NOT NULL,
  PRIMARY KEY (year, agency_id)
) WITHOUT ROWID;

CREATE TRIGGER petition_agency_tally_changed
AFTER UPDATE OF state, year, lead_agency_id, answered_on, due_on ON petitions
WHEN OLD.state IS NOT NEW.state OR OLD.year IS NOT NEW.year
  OR OLD.lead_agency_id IS NOT NEW.lead_agency_id OR OLD.answered_on IS NOT NEW.answered_on
  OR OLD.due_on IS NOT NEW.due_on BEGIN
  UPDATE petition_agency_tally SET assigned = assigned - 1,
    answered = answered - (OLD.answered_on IS NOT NULL),
    on_time = on_time - (OLD.answered_on IS NOT NULL AND OLD.due_on IS NOT NULL AND OLD.answered_on <= OLD.due_on),
    late = late - (OLD.answered_on IS NOT NULL AND OLD.due_on IS NOT NULL AND OLD.answered_on > OLD.due_on)
  WHERE OLD.lead_agency_id IS NOT NULL AND OLD.state <> 'draft'
    AND year = OLD.year AND agency_id = OLD.lead_agency_id;
  INSERT INTO petition_agency_tally (year, agency_id, assigned, answered, on_time, late)
  SELECT NEW.year, NEW.lead_agency_id, 1, NEW.answered_on IS NOT NULL,
    NEW.answered_on IS NOT NULL AND NEW.due_on IS NOT NULL AND NEW.answered_on <= NEW.due_on,
    NEW.answered_on IS NOT NULL AND NEW.due_on IS NOT NULL AND NEW.answered_on > NEW.due_on
  WHERE NEW.lead_agency_id IS NOT NULL AND NEW.state <> 'draft'
  ON CONFLICT (year, agency_id) DO UPDATE SET assigned = assigned + 1,
    answered = answered + excluded.answered, on_time = on_time + excluded.on_time,
    late = late + excluded.late;
END;

CREATE TRIGGER petition_agency_tally_inserted AFTER INSERT ON petitions
WHEN NEW.lead_agency_id IS NOT NULL AND NEW.state <> 'draft' BEGIN
  INSERT INTO petition_agency_tally (year, agency_id, assigned, answered, on_time, late)
  SELECT NEW.year, NEW.lead_agency_id, 1, NEW.answered_on IS NOT NULL,
    NEW.answered_on IS NOT NULL AND NEW.due_on IS NOT NULL AND NEW.answered_on <= NEW.due_on,
    NEW.answered_on IS NOT NULL AND NEW.due_on IS NOT NULL AND NEW.answered_on > NEW.due_on
  ON CONFLICT (year, agency_id) DO UPDATE SET assigned = assigned + 1,
    answered = answered + excluded.answered, on_time = on_time + excluded.on_time,
    late = late + excluded.late;
END;

-- Petitions being answered, by lead agency and due date: overdue now, and the oldest overdue.
CREATE TABLE petition_agency_due_tally (
  agency_id INTEGER NOT NULL,
  due_on    TEXT NOT NULL,
  n         INTEGER NOT NULL,
  PRIMARY KEY (agency_id, due_on)
) WITHOUT ROWID;

CREATE TRIGGER petition_agency_due_tally_changed
AFTER UPDATE OF state, due_on, lead_agency_id ON petitions
WHEN (OLD.state = 'assigned') IS NOT (NEW.state = 'assigned') OR OLD.due_on IS NOT NEW.due_on
  OR OLD.lead_agency_id IS NOT NEW.lead_agency_id BEGIN
  UPDATE petition_agency_due_tally SET n = n - 1
  WHERE OLD.state = 'assigned' AND OLD.due_on IS NOT NULL AND OLD.lead_agency_id IS NOT NULL
    AND agency_id = OLD.lead_agency_id AND due_on = OLD.due_on;
  INSERT INTO petition_agency_due_tally (agency_id, due_on, n)
  SELECT NEW.lead_agency_id, NEW.due_on, 1
  WHERE NEW.state = 'assigned' AND NEW.due_on IS NOT NULL AND NEW.lead_agency_id IS NOT NULL
  ON CONFLICT (agency_id, due_on) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER petition_agency_due_tally_inserted AFTER INSERT ON petitions
WHEN NEW.state = 'assigned' AND NEW.due_on IS NOT NULL AND NEW.lead_agency_id IS NOT NULL BEGIN
  INSERT INTO petition_agency_due_tally (agency_id, due_on, n) VALUES (NEW.lead_agency_id, NEW.due_on, 1)
  ON CONFLICT (agency_id, due_on) DO UPDATE SET n = n + 1;
END;

-- What is already there.
INSERT INTO petition_agency_tally (year, agency_id, assigned, answered, on_time, late)
SELECT year, lead_agency_id, count(*), count(answered_on),
  count(*) FILTER (WHERE answered_on <= due_on), count(*) FILTER (WHERE answered_on > due_on)
FROM petitions WHERE lead_agency_id IS NOT NULL AND state <> 'draft' GROUP BY 1, 2;
INSERT INTO petition_agency_due_tally (agency_id, due_on, n)
SELECT lead_agency_id, due_on, count(*) FROM petitions
WHERE state = 'assigned' AND due_on IS NOT NULL AND lead_agency_id IS NOT NULL GROUP BY 1, 2;
