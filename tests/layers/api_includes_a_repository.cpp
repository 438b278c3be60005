// Must NOT compile with the API's include directory: the API reaches the store only through
// the use cases (core/), never a repository (make test-unit expects this to fail).
#include "store/petitions_repo.hpp"
