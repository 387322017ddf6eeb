#!/usr/bin/env bash
# The conformance bar (../shared/conformance/README.md), run by .ci/run so a regression cannot land.
# Usage: ci-bar.sh [results-dir]. Prints each suite's lines and its `N passed, M failed` line.
#
# Server: every suite of the bar. Client: every scenario except the OAuth ones (`auth/*`, and the
# skills-extension `sep-2640-*` scenarios): the OAuth client is not written yet. They are listed
# below as NOT RUN so the count hides nothing.
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

run() { # name, then env assignments and the script
  local name="$1"; shift
  echo; echo "--- conformance: $name"
  env "$@" RESULTS_DIR="$OUT/$name" 2>&1 | grep -E '^(PASS|FAIL|SKIP) |^[0-9]+ passed, [0-9]+ failed$|^failed scenarios|^      (FAILURE|WARNING)' || true
}

run server-0.1.16-all          SUITE=all "$CONF/run-server-conformance.sh" "$SERVER_CMD"
run server-alpha12-2025-11-25  CONFORMANCE_VERSION=0.2.0-alpha.12 SUITE=all EXTENSIONS=1 SPEC_VERSION=2025-11-25 "$CONF/run-server-conformance.sh" "$SERVER_CMD"
run server-alpha12-2026-07-28  CONFORMANCE_VERSION=0.2.0-alpha.12 SUITE=all EXTENSIONS=1 SPEC_VERSION=2026-07-28 "$CONF/run-server-conformance.sh" "$SERVER_CMD"
run server-alpha12-req-2026    CONFORMANCE_VERSION=0.2.0-alpha.12 REQUIREMENTS=2026-07-28 "$CONF/run-server-conformance.sh" "$SERVER_CMD"
run client-0.1.16              SCENARIOS="$CLIENT_016" "$CONF/run-client-conformance.sh" "$CLIENT_CMD"
run client-alpha12-2025-11-25  CONFORMANCE_VERSION=0.2.0-alpha.12 SPEC_VERSION=2025-11-25 SCENARIOS="$CLIENT_2025" "$CONF/run-client-conformance.sh" "$CLIENT_CMD"
run client-alpha12-2026-07-28  CONFORMANCE_VERSION=0.2.0-alpha.12 SPEC_VERSION=2026-07-28 SCENARIOS="$CLIENT_2026" "$CONF/run-client-conformance.sh" "$CLIENT_CMD"
echo
echo "NOT RUN (client): every auth/* scenario and the sep-2640-* skills-extension scenarios — no OAuth client yet."
