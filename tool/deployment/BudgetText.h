//===--- BudgetText.h - The connection budget as the terminal shows it ----===//
//
// The seed guideline's table (component, processes, connections per
// process, total), then what the table alone does not say: how each count
// was read from the deployment files, the worst case under autoscaling,
// workers against pool sizes (seed 004 §2), the pooler's two sides, and one
// verdict line. The lines a deployment without those parts prints are the
// same as before they existed.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_DEPLOYMENT_BUDGETTEXT_H
#define SESSION_LINT_TOOL_DEPLOYMENT_BUDGETTEXT_H

#include "Deployment.h"
#include <string>
#include <vector>

namespace session_lint {

/// What a row's workers (declared, started in its sources, capped by a
/// semaphore) mean for its pools: more workers than connections queue,
/// fewer leave connections idle. Empty when they match or either side is
/// unknown.
std::string concurrencyVerdict(const BudgetRow &Row);

/// "api: 2 replicas × 4 processes × 15 connections = 120".
std::string componentSum(const BudgetRow &Row);

/// The pooler's client and server sides, one sentence each.
std::string clientSide(const Budget &B);
std::string serverSide(const Budget &B);

/// The verdict as a sentence, the one the text's "verdict: " line, JSON's
/// and SARIF's verdictText and the HTML report show: "OVER BUDGET: 24
/// connections > 20 available (…); the server will refuse clients with 'too
/// many clients already'"; an unproven verdict says why (unknown
/// capacities, sessions opened outside any pool).
std::string verdictSentence(const Budget &B);

} // namespace session_lint

#endif
