#!/usr/bin/env bash
# The conformance bar (../shared/conformance/README.md), run by .ci/run so a regression cannot land.
# Usage: ci-bar.sh [results-dir]. Prints each suite's lines and its `N passed, M failed` line.
#
# Server: every suite of the bar, except seven tasks-extension scenarios on the 2025-11-25 wire
# that no server can pass (see TASKS_2025_NOT_RUN). Client: every scenario except the OAuth ones
# (`auth/*`) and the skills-extension `sep-2640-*` ones: no OAuth client yet. Everything left out
# is printed as NOT RUN with its reason, so the count hides nothing.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CONF="$(cd "$ROOT/../shared/conformance" && pwd)"
OUT="${1:-$(mktemp -d)}"
mkdir -p "$OUT"

SERVER_CMD="cd '$HERE' && exec node --import tsx src/server.ts"
CLIENT_CMD="node --import tsx $HERE/src/client.ts"
export TSX_TSCONFIG_PATH="$HERE/tsconfig.json"

CLIENT_016="initialize tools_call elicitation-sep1034-client-defaults sse-retry"
CLIENT_2025="initialize tools_call elicitation-sep1034-client-defaults sse-retry json-schema-2020-12-preservation"
CLIENT_2026="tools_call request-metadata sep-2322-client-request-state http-standard-headers http-custom-headers http-invalid-tool-headers json-schema-ref-no-deref json-schema-2020-12-preservation"

# On the 2025-11-25 (stateful) wire these tasks-extension scenarios contradict themselves or their
# harness: the extension requires a `tasks/cancel` ack WITHOUT task fields while the suite validates
# that ack against 2025-11-25's CancelTaskResult, which REQUIRES them (lifecycle, capability-
# negotiation, request-state-removal, mrtr-input, dispatch-and-envelope); tasks-request-headers
# needs per-call headers the stateful harness refuses to send; tasks-mrtr-composition expects an
# input_required result, which the 2025-11-25 wire does not have. All nine tasks-* scenarios pass
# on the 2026-07-28 wire (below). The official SDK v2 fails all nine on 2025-11-25.
TASKS_2025_NOT_RUN="tasks-lifecycle tasks-capability-negotiation tasks-request-state-removal tasks-mrtr-input tasks-dispatch-and-envelope tasks-request-headers tasks-mrtr-composition"

run() { # name, then env assignments and the script
  local name="$1"; shift
  echo; echo "--- conformance: $name"
  env "$@" RESULTS_DIR="$OUT/$name" 2>&1 | grep -E '^(PASS|FAIL|SKIP) |^[0-9]+ passed, [0-9]+ failed$|^failed scenarios|^      (FAILURE|WARNING)' || true
}

# Two groups side by side (server suites, client suites): each scenario waits on network round
# trips far more than on CPU, and the groups use separate ports and result folders.
{
  run server-0.1.16-all          SUITE=all "$CONF/run-server-conformance.sh" "$SERVER_CMD"
  run server-alpha12-2025-11-25  CONFORMANCE_VERSION=0.2.0-alpha.12 SUITE=all EXTENSIONS=1 SPEC_VERSION=2025-11-25 SKIP_SCENARIOS="$TASKS_2025_NOT_RUN" "$CONF/run-server-conformance.sh" "$SERVER_CMD"
  run server-alpha12-2026-07-28  CONFORMANCE_VERSION=0.2.0-alpha.12 SUITE=all EXTENSIONS=1 SPEC_VERSION=2026-07-28 "$CONF/run-server-conformance.sh" "$SERVER_CMD"
  run server-alpha12-req-2026    CONFORMANCE_VERSION=0.2.0-alpha.12 REQUIREMENTS=2026-07-28 "$CONF/run-server-conformance.sh" "$SERVER_CMD"
} > "$OUT/server-suites.log" 2>&1 &
SERVER_GROUP=$!
{
  # Its own install folders: the two groups must not install or write the Node 20 shim into one place at once.
  export CONFORMANCE_DIR_BASE="${TMPDIR:-/tmp}/mcp-conformance-clients"
  run client-0.1.16              CONFORMANCE_DIR="$CONFORMANCE_DIR_BASE-0.1.16" SCENARIOS="$CLIENT_016" "$CONF/run-client-conformance.sh" "$CLIENT_CMD"
  run client-alpha12-2025-11-25  CONFORMANCE_DIR="$CONFORMANCE_DIR_BASE-0.2.0-alpha.12" CONFORMANCE_VERSION=0.2.0-alpha.12 SPEC_VERSION=2025-11-25 SCENARIOS="$CLIENT_2025" "$CONF/run-client-conformance.sh" "$CLIENT_CMD"
  run client-alpha12-2026-07-28  CONFORMANCE_DIR="$CONFORMANCE_DIR_BASE-0.2.0-alpha.12" CONFORMANCE_VERSION=0.2.0-alpha.12 SPEC_VERSION=2026-07-28 SCENARIOS="$CLIENT_2026" "$CONF/run-client-conformance.sh" "$CLIENT_CMD"
} > "$OUT/client-suites.log" 2>&1 &
CLIENT_GROUP=$!
wait "$SERVER_GROUP" "$CLIENT_GROUP"
cat "$OUT/server-suites.log" "$OUT/client-suites.log"
echo
echo "NOT RUN (server, alpha.12 on 2025-11-25, 7): $TASKS_2025_NOT_RUN — contradictory on that wire (see ci-bar.sh)."
echo "NOT RUN (client): every auth/* scenario and the sep-2640-* skills-extension scenarios — no OAuth or skills client yet."
