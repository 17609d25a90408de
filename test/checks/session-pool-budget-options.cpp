// A user pool type's capacity argument (PoolTypes + PoolCapacityArguments).
// RUN: %check_session --checks=-*,session-pool-budget %s --config="{CheckOptions: {PoolTypes: 'app::WorkerPool', PoolCapacityArguments: 'app::WorkerPool:1'}}"
// RUN: %check_session --check-suffix=UNSIZED --checks=-*,session-pool-budget %s --config="{CheckOptions: {PoolTypes: 'app::WorkerPool'}}"
// RUN: not %session_lint --checks=-*,session-pool-budget %s --config="{CheckOptions: {PoolCapacityArguments: 'app::WorkerPool'}}" -- 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: error: invalid value for option 'PoolCapacityArguments': 'app::WorkerPool' is not 'Type:Index' (the zero-based constructor argument that is the pool's capacity) [clang-tidy-config]

namespace app {
class WorkerPool {
public:
  WorkerPool(const char *ConnInfo, int Capacity);
};
} // namespace app

app::WorkerPool Workers("dbname=app", 12);
// CHECK-MESSAGES: :[[@LINE-1]]:17: remark: connection pool 'Workers' of type 'app::WorkerPool' holds up to 12 connections per process [session-pool-budget]
// CHECK-MESSAGES-UNSIZED: :[[@LINE-2]]:17: remark: connection pool 'Workers' of type 'app::WorkerPool' has an unknown capacity (no capacity argument in PoolCapacityArguments); give it in the deployment file [session-pool-budget]
