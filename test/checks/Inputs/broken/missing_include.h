// A header whose own include cannot be found: clang stops instantiating
// templates after this fatal error, so later declarations may be invalid.
#pragma once
#include <no/such/header.h>
