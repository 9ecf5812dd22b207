#!/bin/sh
# A colocation with a finite score is a preference, not a guarantee.
pcs resource create jc-vip ocf:heartbeat:IPaddr2 ip=192.168.10.50
pcs resource create jc-site ocf:clusterkit:jobcenter-site site_name=testsite.example.com database=/mnt/jobdb op start timeout=240s op stop timeout=240s op monitor interval=30s # EXPECT: PCMK004
pcs constraint colocation add jc-site with jc-vip 500
