#!/bin/sh
# command substitution takes pmfadm's output, not its status; the last two forms are right
ServStatus=`pmfadm -q JobService`  # EXPECT: SC010
Status2=$(pmfadm -q JobService)  # EXPECT: SC010
if pmfadm -q JobService; then exit 0; fi
pmfadm -q JobService; status=$?
echo "$ServStatus $Status2 $status"
