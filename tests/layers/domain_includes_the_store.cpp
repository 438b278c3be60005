// Must NOT compile with the domain's include directory: the domain is pure, without I/O.
#include "store/database.hpp"
