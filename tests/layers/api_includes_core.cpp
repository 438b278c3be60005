// Compiles with the API's include directory: the API may use the use cases (make test-unit,
// the control of the test beside it).
#include "core/petitions.hpp"
