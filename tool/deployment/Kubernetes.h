//===--- Kubernetes.h - A deployment from Kubernetes manifests ------------===//
//
// What manifests say about the connection budget:
//
// * a Deployment or StatefulSet is a component: `spec.replicas` pods (1 when
//   not given), each running the processes its container's `command`/`args`
//   start (Commands.h) or the `session-lint/processes` annotation says;
// * a HorizontalPodAutoscaler on it may scale it to `maxReplicas`: that is
//   the worst case the budget counts, and the report shows both;
// * the PostgreSQL workload (a postgres image) gives max_connections from
//   `-c max_connections=N` in its command or args; else a ConfigMap with a
//   `postgresql.conf` (or a `max_connections` key); else the server's
//   default of 100;
// * PgBouncer: a ConfigMap with a `pgbouncer.ini`, or a pgbouncer image's
//   environment; its replicas each open their own server pools;
// * annotations (on the workload or its pod template) name what manifests
//   cannot know: `session-lint/sources` (globs relative to the manifest,
//   separated by commas or spaces), `session-lint/files`,
//   `session-lint/processes`, `session-lint/threads`.
//
// Other kinds (Service, Ingress, ...) are skipped; a folder is read
// recursively (*.yaml, *.yml), in sorted order, within limits.
//
//===----------------------------------------------------------------------===//

#ifndef SESSION_LINT_TOOL_DEPLOYMENT_KUBERNETES_H
#define SESSION_LINT_TOOL_DEPLOYMENT_KUBERNETES_H

#include "Deployment.h"
#include "YamlTree.h"

namespace session_lint {

/// A Kubernetes object: a mapping with `apiVersion` and `kind`.
bool isKubernetesObject(const YamlNode &Root);

/// One manifest's documents and the name the report gives its file.
struct Manifest {
  std::string Name;
  std::vector<YamlNode> Documents;
};

/// The deployment the manifests describe.
llvm::Expected<Deployment>
readKubernetes(llvm::ArrayRef<Manifest> Manifests, llvm::StringRef BaseDir);

/// Every *.yaml / *.yml under \p Dir, parsed; files that hold no Kubernetes
/// object are skipped.
llvm::Expected<std::vector<Manifest>> readManifestFolder(llvm::StringRef Dir);

} // namespace session_lint

#endif
