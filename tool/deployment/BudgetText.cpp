//===--- BudgetText.cpp - The connection budget as the terminal shows it --===//

#include "BudgetText.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

namespace session_lint {
namespace {

std::string spare(Budget::Verdict V, int64_t Used, int64_t Limit) {
  switch (V) {
  case Budget::Verdict::Over:
    return "OVER by " + std::to_string(Used - Limit);
  case Budget::Verdict::Unproven:
    return "unproven (unknown pool capacities, or sessions outside the "
           "pools)";
  case Budget::Verdict::Fits:
    break;
  }
  return "fits, " + std::to_string(Limit - Used) + " to spare";
}

} // namespace

std::string concurrencyVerdict(const BudgetRow &Row) {
  std::optional<int64_t> Workers = Row.workers();
  if (!Workers || Row.PerProcess == 0 || *Workers == Row.PerProcess)
    return "";
  auto Count = [](int64_t N, llvm::StringRef One, llvm::StringRef Many) {
    return std::to_string(N) + " " + (N == 1 ? One : Many).str();
  };
  // The workers before a semaphore caps them, and where they are said.
  std::optional<int64_t> Started = Row.Threads ? Row.Threads : Row.SourceWorkers;
  std::vector<std::string> Why;
  if (!Row.Threads && Row.SourceWorkers)
    Why.push_back("started in the sources: " +
                  llvm::join(Row.SourceWorkersAt, ", "));
  if (Row.Threads && Row.SourceWorkers && *Row.SourceWorkers != *Row.Threads)
    Why.push_back("the deployment's threads; the sources start " +
                  std::to_string(*Row.SourceWorkers) + ": " +
                  llvm::join(Row.SourceWorkersAt, ", "));
  bool Capped = Row.DatabaseCap && (!Started || *Row.DatabaseCap < *Started);
  if (Capped)
    Why.push_back("semaphore at " + llvm::join(Row.DatabaseCapAt, ", "));
  std::string Head = Row.Name + ": ";
  if (Capped && Started)
    Head += std::to_string(*Workers) + " of " + Count(*Started, "worker", "workers") +
            " per process use the database at once";
  else if (Capped)
    Head += Count(*Workers, "worker", "workers") +
            " per process use the database at once";
  else
    Head += Count(*Workers, "worker", "workers") + " per process";
  if (!Why.empty())
    Head += " (" + llvm::join(Why, "; ") + ")";
  Head += ", pools of " + Count(Row.PerProcess, "connection", "connections") +
          ": ";
  if (*Workers > Row.PerProcess)
    return Head + Count(*Workers - Row.PerProcess, "worker waits", "workers wait") +
           " for a connection (until the pool's timeout) when all are busy";
  int64_t Idle = Row.PerProcess - *Workers;
  return Head +
         (Idle == 1 ? std::string("1 connection per process is never used at "
                                  "once, yet counts")
                    : std::to_string(Idle) + " connections per process are "
                                             "never used at once, yet count") +
         " against the budget (" + std::to_string(Idle * Row.Processes) +
         " in all)";
}

std::string clientSide(const Budget &B) {
  const Pooler &P = *B.Pool;
  std::string Text = "client side: " + std::to_string(B.total()) +
                     " client connections into PgBouncer, max_client_conn " +
                     std::to_string(P.MaxClientConn);
  if (P.Instances > 1)
    Text += " × " + std::to_string(P.Instances) + " instances";
  if (!P.lendsPerTransaction() && B.total() > P.serverConnections())
    return Text + ": OVER: in session mode each client connection keeps a "
                  "server connection, and PgBouncer opens at most " +
           std::to_string(P.serverConnections()) + "; " +
           std::to_string(B.total() - P.serverConnections()) +
           " clients wait and fail after query_wait_timeout";
  return Text + ": " +
         spare(B.clientVerdict(), B.total(), P.clientCapacity());
}

std::string serverSide(const Budget &B) {
  const Pooler &P = *B.Pool;
  return "server side: PgBouncer opens at most " +
         std::to_string(P.serverConnections()) + " server connections (" +
         P.serverConnectionsExplained() + ") into " +
         std::to_string(B.available()) + " available: " +
         spare(B.serverVerdict(), P.serverConnections(), B.available());
}

void printBudget(const Budget &B, llvm::raw_ostream &OS) {
  OS << "\nConnection budget: max_connections " << B.MaxConnections
     << ", reserved " << B.Reserved << ", available " << B.available()
     << "\n";
  if (!B.MaxConnectionsFrom.empty())
    OS << "max_connections from " << B.MaxConnectionsFrom << "\n";
  OS << "\n";
  OS << llvm::formatv("{0,-24} {1,9} {2,24} {3,7}\n", "component", "processes",
                      "connections per process", "total");
  for (const BudgetRow &R : B.Rows)
    OS << llvm::formatv("{0,-24} {1,9} {2,24} {3,7}\n", R.Name, R.Processes,
                        R.PerProcess, R.total());
  OS << llvm::formatv("{0,-24} {1,9} {2,24} {3,7}\n\n", "total",
                      B.processes(), "", B.total());
  bool Counted = false;
  for (const BudgetRow &R : B.Rows)
    if (!R.CountedFrom.empty()) {
      if (!Counted)
        OS << "processes counted from the deployment:\n";
      Counted = true;
      OS << "  " << R.Name << ": " << R.CountedFrom << "\n";
    }
  if (B.autoscales())
    OS << "autoscaling: " << B.totalNow()
       << " connections at the replicas configured now, " << B.total()
       << " at the most replicas the autoscalers allow; the budget counts "
          "the most\n";
  for (const BudgetRow &R : B.Rows)
    if (std::string Said = concurrencyVerdict(R); !Said.empty())
      OS << "concurrency: " << Said << "\n";
  for (const std::string &Note : B.Notes)
    OS << "note: " << Note << "\n";
  if (Counted || B.autoscales() || !B.Notes.empty())
    OS << "\n";
  for (const PoolFinding &Pool : B.UnknownCapacity)
    OS << "unknown capacity: " << Pool.File << ":" << Pool.Line
       << ": give it in the deployment file as\n  pools:\n    - at: "
       << Pool.File << ":" << Pool.Line << "\n      capacity: N\n";
  if (!B.OutsidePools.empty()) {
    OS << "opened outside any pool (not in the total):\n";
    for (const SessionOutsidePool &S : B.OutsidePools)
      OS << "  " << S.File << ":" << S.Line << ": [" << S.Check << "] "
         << S.Text << "\n";
  }
  if (B.Pool)
    OS << "PgBouncer (" << B.Pool->From << "), pool_mode " << B.Pool->Mode
       << ":\n  " << clientSide(B) << "\n  " << serverSide(B) << "\n";
  OS << "verdict: " << verdictSentence(B) << "\n";
}

std::string verdictSentence(const Budget &B) {
  if (B.Pool) {
    switch (B.verdict()) {
    case Budget::Verdict::Over:
      return std::string("OVER BUDGET: ") +
             (B.clientVerdict() == Budget::Verdict::Over
                  ? "the client side is over: PgBouncer refuses or stalls "
                    "clients"
                  : "the server side is over: the server will refuse "
                    "PgBouncer with 'too many clients already'");
    case Budget::Verdict::Unproven:
      return "UNPROVEN: " + B.unprovenBecause();
    case Budget::Verdict::Fits:
      return "fits: client side " + std::to_string(B.total()) + " of " +
             std::to_string(B.Pool->clientCapacity()) +
             " (max_client_conn), server side " +
             std::to_string(B.serverConnections()) + " of " +
             std::to_string(B.available()) + " available connections";
    }
  }
  switch (B.verdict()) {
  case Budget::Verdict::Over:
    return "OVER BUDGET: " + std::to_string(B.total()) + " connections > " +
           std::to_string(B.available()) + " available (max_connections " +
           std::to_string(B.MaxConnections) + " - reserved " +
           std::to_string(B.Reserved) +
           "); the server will refuse clients with 'too many clients "
           "already'";
  case Budget::Verdict::Unproven:
    return "UNPROVEN: " + std::to_string(B.total()) + " of " +
           std::to_string(B.available()) + " available, but " +
           B.unprovenBecause() + ": the total counts the pools only";
  case Budget::Verdict::Fits:
    break;
  }
  return "fits: " + std::to_string(B.total()) + " of " +
         std::to_string(B.available()) + " available connections, " +
         std::to_string(B.available() - B.total()) + " to spare";
}

std::string componentSum(const BudgetRow &Row) {
  std::string Text = Row.Name + ": ";
  if (Row.Replicas)
    Text += std::to_string(*Row.Replicas) +
            (*Row.Replicas == 1 ? " replica" : " replicas") +
            (Row.ReplicasNow
                 ? " (the autoscaler's most; " +
                       std::to_string(*Row.ReplicasNow) + " now)"
                 : std::string()) +
            " × " + std::to_string(Row.PerReplica) +
            (Row.PerReplica == 1 ? " process" : " processes");
  else
    Text += std::to_string(Row.Processes) +
            (Row.Processes == 1 ? " process" : " processes");
  return Text + " × " + std::to_string(Row.PerProcess) +
         (Row.PerProcess == 1 ? " connection" : " connections") + " = " +
         std::to_string(Row.total());
}

} // namespace session_lint
