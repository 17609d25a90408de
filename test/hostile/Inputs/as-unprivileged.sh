#!/usr/bin/env bash
# Runs a command as a user file permissions apply to: root ignores them, so
# as root (CI) the command runs as 'nobody'.
if [ "$(id -u)" = 0 ]; then
  exec runuser -u nobody -- env TMPDIR=/tmp "$@"
fi
exec "$@"
