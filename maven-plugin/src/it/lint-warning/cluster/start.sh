#!/bin/sh
# A hand-written CLUSTERPRO start script whose only flaw is a warning.
ulimit -s 16384
case "${CLP_EVENT:-}" in
START|FAILOVER) ;;
*) exit 1 ;;
esac
exec /usr/lib/nqs/cluster/cjcpw testsite.example.com /mnt/jobdb
