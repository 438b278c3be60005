-- Running totals by lead agency, for the dashboard's "which agencies are late": a few rows per
-- agency instead of a million petitions. Drafts never count. (The same as SQLite's 0012.)

CREATE TABLE petition_agency_tally (
  year      BIGINT NOT NULL,
  agency_id BIGINT NOT NULL,
  assigned  BIGINT NOT NULL,
  answered  BIGINT NOT NULL,
  on_time   BIGINT NOT NULL,
  late      BIGINT NOT NULL,
  PRIMARY KEY (year, agency_id)
);

CREATE TABLE petition_agency_due_tally (
  agency_id BIGINT NOT NULL,
  due_on    TEXT NOT NULL,
  n         BIGINT NOT NULL,
  PRIMARY KEY (agency_id, due_on)
);

CREATE FUNCTION petition_agency_tally_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.lead_agency_id IS NOT NULL AND OLD.state <> 'draft' THEN
      UPDATE petition_agency_tally SET assigned = assigned - 1,
        answered = answered - (OLD.answered_on IS NOT NULL)::int,
        on_time = on_time - coalesce(OLD.answered_on <= OLD.due_on, false)::int,
        late = late - coalesce(OLD.answered_on > OLD.due_on, false)::int
      WHERE year = OLD.year AND agency_id = OLD.lead_agency_id;
    END IF;
    IF OLD.state = 'assigned' AND OLD.due_on IS NOT NULL AND OLD.lead_agency_id IS NOT NULL THEN
      UPDATE petition_agency_due_tally SET n = n - 1
      WHERE agency_id = OLD.lead_agency_id AND due_on = OLD.due_on;
    END IF;
  END IF;
  IF NEW.lead_agency_id IS NOT NULL AND NEW.state <> 'draft' THEN
    INSERT INTO petition_agency_tally AS t (year, agency_id, assigned, answered, on_time, late)
    VALUES (NEW.year, NEW.lead_agency_id, 1, (NEW.answered_on IS NOT NULL)::int,
      coalesce(NEW.answered_on <= NEW.due_on, false)::int,
      coalesce(NEW.answered_on > NEW.due_on, false)::int)
    ON CONFLICT (year, agency_id) DO UPDATE SET assigned = t.assigned + 1,
      answered = t.answered + excluded.answered, on_time = t.on_time + excluded.on_time,
      late = t.late + excluded.late;
  END IF;
  IF NEW.state = 'assigned' AND NEW.due_on IS NOT NULL AND NEW.lead_agency_id IS NOT NULL THEN
    INSERT INTO petition_agency_due_tally AS t (agency_id, due_on, n)
    VALUES (NEW.lead_agency_id, NEW.due_on, 1)
    ON CONFLICT (agency_id, due_on) DO UPDATE SET n = t.n + 1;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER petition_agency_tally_changed
  AFTER UPDATE OF state, year, lead_agency_id, answered_on, due_on ON petitions
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.year IS DISTINCT FROM NEW.year
    OR OLD.lead_agency_id IS DISTINCT FROM NEW.lead_agency_id
    OR OLD.answered_on IS DISTINCT FROM NEW.answered_on OR OLD.due_on IS DISTINCT FROM NEW.due_on)
  EXECUTE FUNCTION petition_agency_tally_changed();
CREATE TRIGGER petition_agency_tally_inserted AFTER INSERT ON petitions
  FOR EACH ROW EXECUTE FUNCTION petition_agency_tally_changed();

INSERT INTO petition_agency_tally (year, agency_id, assigned, answered, on_time, late)
SELECT year, lead_agency_id, count(*), count(answered_on),
  count(*) FILTER (WHERE answered_on <= due_on), count(*) FILTER (WHERE answered_on > due_on)
FROM petitions WHERE lead_agency_id IS NOT NULL AND state <> 'draft' GROUP BY 1, 2;
INSERT INTO petition_agency_due_tally (agency_id, due_on, n)
SELECT lead_agency_id, due_on, count(*) FROM petitions
WHERE state = 'assigned' AND due_on IS NOT NULL AND lead_agency_id IS NOT NULL GROUP BY 1, 2;
