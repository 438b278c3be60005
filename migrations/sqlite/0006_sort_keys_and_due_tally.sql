-- Sorting the register by name with the Vietnamese collator, from an index: the ICU sort key
-- of each name (SQL function vi_key, registered on every connection).
ALTER TABLE cooperatives ADD COLUMN name_sort BLOB;
UPDATE cooperatives SET name_sort = vi_key(name);
CREATE INDEX cooperatives_name_sort ON cooperatives (name_sort, id);

-- Petitions being answered, by due date: the dashboard's overdue and due-soon counts read a
-- few hundred rows instead of every assigned petition.
CREATE TABLE petition_due_tally (
  due_on TEXT PRIMARY KEY,
  n      INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER petition_due_tally_changed AFTER UPDATE OF state, due_on ON petitions
WHEN (OLD.state = 'assigned') IS NOT (NEW.state = 'assigned') OR OLD.due_on IS NOT NEW.due_on BEGIN
  UPDATE petition_due_tally SET n = n - 1
  WHERE OLD.state = 'assigned' AND OLD.due_on IS NOT NULL AND due_on = OLD.due_on;
  INSERT INTO petition_due_tally (due_on, n)
  SELECT NEW.due_on, 1 WHERE NEW.state = 'assigned' AND NEW.due_on IS NOT NULL
  ON CONFLICT (due_on) DO UPDATE SET n = n + 1;
END;

INSERT INTO petition_due_tally (due_on, n)
SELECT due_on, count(*) FROM petitions WHERE state = 'assigned' AND due_on IS NOT NULL GROUP BY due_on;
