#!/usr/bin/env bash
# Runs `test opco` or `test cfa --exec` for the action, writes its outputs, and keeps the verdict for the last step.
# Inputs come as environment variables (see action.yml); a missing input exits 2 with one line, as the CLI does.
set -uo pipefail
OUT="${OUT:-convergence-reports}"
OUTPUT_FILE="${GITHUB_OUTPUT:-/dev/null}"
cli=(node "$KIT/bin/convergence.js")
fail_input() { echo "convergence-kit action: $1" >&2; echo "exit-code=2" >>"$OUTPUT_FILE"; exit 0; }

case "${MODE:-}" in
  opco)
    [ -n "${TARGET:-}" ] || fail_input "mode opco needs the input target (the server's base URL, before /v2)"
    [ -n "${CFA_KEY:-}" ] || fail_input "mode opco needs the input cfa-key"
    args=(test opco --target "$TARGET" --cfa-key "$CFA_KEY" --profile "${PROFILE:-norme}" --out "$OUT" --no-progress)
    [ -n "${CFA_KEY_2:-}" ] && args+=(--cfa-key-2 "$CFA_KEY_2")
    [ -n "${ADMIN_TOKEN:-}" ] && args+=(--admin-token "$ADMIN_TOKEN")
    ;;
  cfa)
    [ -n "${EXEC:-}" ] || fail_input "mode cfa needs the input exec (the command running your end-to-end tests)"
    args=(test cfa --port 0 --store memory --out "$OUT" --duration "${DURATION:-20m}" --exec "$EXEC")
    [ -n "${CAPABILITIES:-}" ] && args+=(--capabilities "$CAPABILITIES")
    ;;
  *)
    fail_input "the input mode must be opco or cfa, got '${MODE:-}'"
    ;;
esac

"${cli[@]}" "${args[@]}"
code=$?
{
  echo "exit-code=$code"
  if [ -d "$OUT" ]; then
    echo "reports=$OUT"
    echo "junit<<CONVERGENCE_EOF"; find "$OUT" -name 'report.junit.xml' | sort; echo "CONVERGENCE_EOF"
    echo "sarif<<CONVERGENCE_EOF"; find "$OUT" -name 'report.sarif' | sort; echo "CONVERGENCE_EOF"
  fi
} >>"$OUTPUT_FILE"
# The verdict fails the job in the last step, after the uploads.
exit 0
