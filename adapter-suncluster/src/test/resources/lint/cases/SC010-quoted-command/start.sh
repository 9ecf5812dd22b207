#!/bin/sh
# the guide's 5.2 quoting: pmfadm never runs
ServStatus='pmfadm -q JobService'  # EXPECT: SC010
if [ $ServStatus -ne 0 ]; then
    pmfadm -c JobService -n 0 /usr/lib/nqs/cluster/cjcpw testsite.example.com /mnt/jobdb
fi
