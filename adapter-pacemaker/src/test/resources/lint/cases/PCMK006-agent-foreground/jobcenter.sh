#!/bin/sh
# The watched cjcpw in the foreground: start never returns.
. /usr/lib/ocf/lib/heartbeat/ocf-shellfuncs
jc_start() {
    ulimit -s unlimited
    /usr/lib/nqs/cluster/cjcpw "$OCF_RESKEY_site" "$OCF_RESKEY_db" >>/var/log/jc.log 2>&1 # EXPECT: PCMK006
    return $OCF_SUCCESS
}
jc_stop() {
    /usr/lib/nqs/cluster/cjcpw -stop "$OCF_RESKEY_site" || return $OCF_ERR_GENERIC
    return $OCF_SUCCESS
}
case $1 in
start) jc_start ;;
stop) jc_stop ;;
*) exit $OCF_ERR_UNIMPLEMENTED ;;
esac
