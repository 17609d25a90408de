// Stub GoogleTest for the analysis fuzzer: fixtures are units of work.
#pragma once
namespace testing {
class Test {
public:
  virtual ~Test();
protected:
  Test();
  virtual void SetUp();
  virtual void TearDown();
};
template <class T> class TestWithParam : public Test {};
} // namespace testing
#define TEST_F(Fixture, Name) class Fixture##_##Name##_Test : public Fixture { void TestBody(); }; void Fixture##_##Name##_Test::TestBody()
#define EXPECT_TRUE(X) (void)(X)
