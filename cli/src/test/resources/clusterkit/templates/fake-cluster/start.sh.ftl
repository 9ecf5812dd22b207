#!/bin/sh
# [=siteName] in failover group [=failoverGroup], resource [=resource], start timeout [=timeout]
# shellcheck disable=SC3045
ulimit -s unlimited
[ -n "${CLP_EVENT:-}" ] || exit 1
exec /usr/lib/nqs/cluster/cjcpw [=siteName] [=database]
