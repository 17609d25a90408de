#pragma once
// A library header that does not compile with the unit's flags: clang-tidy's
// consumer drops diagnostics in system headers, errors included.
struct Vendor {
  undeclared_type Field;
};
