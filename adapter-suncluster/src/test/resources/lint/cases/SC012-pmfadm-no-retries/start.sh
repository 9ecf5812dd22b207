#!/bin/sh
# pmfadm -c without -n
if pmfadm -q JobService; then exit 0; fi
pmfadm -c JobService -C 0 /usr/lib/nqs/cluster/cjcpw testsite.example.com /mnt/jobdb  # EXPECT: SC012
