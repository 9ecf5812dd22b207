#!/bin/sh
# One cluster node's init (PID 1 of its PID namespace): private /run and state folders, the agent
# under test in /usr/lib/ocf/resource.d, then corosync and pacemakerd. Killing this process ends
# the node and every process in it, as a crash would.
set -eu
n=$1
work=$2
node=$work/node$n
hostname "node$n.example.test"
mount --make-rprivate /
mount -t tmpfs tmpfs /run
mkdir -p /run/crm /run/resource-agents /run/lock
chown hacluster:haclient /run/crm
chmod 750 /run/crm
for pair in etc/corosync:etc-corosync var/lib/pacemaker:var-lib-pacemaker var/lib/corosync:var-lib-corosync \
    var/log/pacemaker:log-pacemaker var/log/corosync:log-corosync; do
    mount --bind "$node/${pair#*:}" "/${pair%%:*}"
done
mount -t overlay overlay -o "lowerdir=$work/ra:/usr/lib/ocf/resource.d" /usr/lib/ocf/resource.d
# The embedded JobCenter runtime's machine settings, inherited by pacemakerd, execd and the agent.
set -a
. "$node/env"
set +a
corosync -f >"$node/corosync.out" 2>&1 &
tries=0
until corosync-cfgtool -s >/dev/null 2>&1; do
    tries=$((tries + 1))
    [ "$tries" -lt 200 ] || { echo "corosync did not come up" >&2; exit 1; }
    sleep 0.05
done
pacemakerd >"$node/pacemakerd.out" 2>&1 &
echo "$$" >"$node/started"
# As init, reap whatever is orphaned here; end when pacemakerd does.
while kill -0 "$!" 2>/dev/null; do
    sleep 1
done
