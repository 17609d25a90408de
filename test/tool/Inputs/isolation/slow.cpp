// A unit that takes minutes to compile: constant evaluation that runs for
// billions of steps (with -fconstexpr-steps raised).
constexpr long long spin() {
  long long Sum = 0;
  for (long long I = 0; I < 4000000000LL; ++I)
    Sum += I;
  return Sum;
}
static_assert(spin() != 1, "");
