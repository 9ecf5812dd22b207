#!/bin/sh
# Two Pacemaker/Corosync nodes on one machine, for TwoNodeClusterIT. Each node is a network
# namespace (joined to the other by a veth pair) with private mount, UTS and PID namespaces: its own
# /run, host name, /etc/corosync, /var/lib/pacemaker and logs, and a /usr/lib/ocf/resource.d with
# the agent under test laid over it. Nothing is installed on the machine; 'down' removes all of it.
#
#   two-node.sh up   WORK TAG NET     create the namespaces and link, start both nodes
#   two-node.sh start WORK TAG N      start node N again (after 'crash')
#   two-node.sh crash WORK TAG N      kill everything of node N at once (its PID namespace's init)
#   two-node.sh exec WORK TAG N CMD…  run CMD inside node N
#   two-node.sh down WORK TAG         kill both nodes, delete the namespaces (and with them the link)
#
# WORK holds node1/ and node2/ (prepared by the test), hosts, ra/, env; TAG names the namespaces
# (TAG-n1, TAG-n2); NET is the first three octets of the /24 on the link (NET.1 and NET.2).
set -eu
action=$1
work=$2
tag=$3

init_pid() {
    # The node's init: the child of the unshare process whose PID we recorded.
    [ -s "$work/node$1/unshare.pid" ] || return 1
    pgrep -P "$(cat "$work/node$1/unshare.pid")" | head -n 1
}

start_node() {
    n=$1
    rm -f "$work/node$n/started"
    setsid ip netns exec "$tag-n$n" unshare --mount --uts --pid --fork --mount-proc \
        sh "$work/node-run.sh" "$n" "$work" </dev/null >"$work/node$n/run.out" 2>&1 &
    echo $! >"$work/node$n/unshare.pid"
    tries=0
    until [ -e "$work/node$n/started" ]; do
        tries=$((tries + 1))
        if [ "$tries" -gt 300 ]; then
            echo "node $n did not start:" >&2
            cat "$work/node$n/run.out" >&2
            return 1
        fi
        sleep 0.1
    done
}

case $action in
up)
    net=$4
    ip netns add "$tag-n1"
    ip netns add "$tag-n2"
    ip link add "$tag-a" type veth peer name "$tag-b"
    ip link set "$tag-a" netns "$tag-n1"
    ip link set "$tag-b" netns "$tag-n2"
    for n in 1 2; do
        end=$(if [ "$n" = 1 ]; then echo "$tag-a"; else echo "$tag-b"; fi)
        ip -n "$tag-n$n" link set "$end" name jc0
        ip -n "$tag-n$n" addr add "$net.$n/24" dev jc0
        ip -n "$tag-n$n" link set jc0 up
        ip -n "$tag-n$n" link set lo up
    done
    start_node 1
    start_node 2
    ;;
start)
    start_node "$4"
    ;;
crash)
    pid=$(init_pid "$4") && kill -KILL "$pid"
    ;;
exec)
    n=$4
    shift 4
    pid=$(init_pid "$n")
    exec nsenter -t "$pid" -m -u -n -p -- "$@"
    ;;
down)
    for n in 1 2; do
        if pid=$(init_pid "$n"); then
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    sleep 0.5
    ip netns del "$tag-n1" 2>/dev/null || true
    ip netns del "$tag-n2" 2>/dev/null || true
    ;;
*)
    echo "usage: $0 up|start|crash|exec|down WORK TAG ..." >&2
    exit 2
    ;;
esac
