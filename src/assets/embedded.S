/* Files compiled into the program: migrations, reference data and the OpenAPI document.
   Each file gets a NUL-terminated symbol NAME and NAME_end (see assets.hpp). */
.macro EMBED name, path
  .section .rodata.\name, "a"
  .global \name
  .global \name\()_end
  .balign 16
\name:
  .incbin "\path"
\name\()_end:
  .byte 0
.endm

EMBED hoptac_migration_0001, "migrations/sqlite/0001_foundation.sql"
EMBED hoptac_migration_0002, "migrations/sqlite/0002_petitions.sql"
EMBED hoptac_migration_0003, "migrations/sqlite/0003_plans_awards.sql"
EMBED hoptac_migration_0004, "migrations/sqlite/0004_running_totals.sql"
EMBED hoptac_migration_0005, "migrations/sqlite/0005_figures_tally.sql"
EMBED hoptac_migration_0006, "migrations/sqlite/0006_sort_keys_and_due_tally.sql"
EMBED hoptac_migration_0007, "migrations/sqlite/0007_sign_in_throttle.sql"
EMBED hoptac_pg_migration_0007, "migrations/postgresql/0007_baseline.sql"
EMBED hoptac_migration_0008, "migrations/sqlite/0008_search_at_scale.sql"
EMBED hoptac_pg_migration_0008, "migrations/postgresql/0008_search_at_scale.sql"
EMBED hoptac_migration_0009, "migrations/sqlite/0009_administration.sql"
EMBED hoptac_pg_migration_0009, "migrations/postgresql/0009_administration.sql"
EMBED hoptac_migration_0010, "migrations/sqlite/0010_department_workflow.sql"
EMBED hoptac_pg_migration_0010, "migrations/postgresql/0010_department_workflow.sql"
EMBED hoptac_migration_0011, "migrations/sqlite/0011_search_by_units.sql"
EMBED hoptac_pg_migration_0011, "migrations/postgresql/0011_search_by_units.sql"
EMBED hoptac_migration_0012, "migrations/sqlite/0012_agency_tally.sql"
EMBED hoptac_pg_migration_0012, "migrations/postgresql/0012_agency_tally.sql"
EMBED hoptac_migration_0013, "migrations/sqlite/0013_mail_delivery.sql"
EMBED hoptac_pg_migration_0013, "migrations/postgresql/0013_mail_delivery.sql"
EMBED hoptac_migration_0014, "migrations/sqlite/0014_reform_and_undo.sql"
EMBED hoptac_pg_migration_0014, "migrations/postgresql/0014_reform_and_undo.sql"
EMBED hoptac_units_2025_03, "data/admin-units/dvhcvn-20250301-sorted.json"
EMBED hoptac_units_2025_07, "data/admin-units/mapping-2025-new-from-old.json"
EMBED hoptac_openapi, "docs/openapi.json"
EMBED hoptac_common_passwords, "data/passwords/common-passwords.txt"

.section .note.GNU-stack,"",@progbits
