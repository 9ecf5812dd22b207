#!/bin/sh
# shellcheck disable=SC3045
ulimit -s unlimited
case "${CLP_EVENT:-}" in
START|FAILOVER) ;;
*) exit 1 ;;
esac
/usr/lib/nqs/nqsportkpr other.example.com # EXPECT: CPL009
exec /usr/lib/nqs/cluster/cjcpw site.example.com /mnt/jobdb
