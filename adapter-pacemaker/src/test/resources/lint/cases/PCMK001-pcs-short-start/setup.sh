#!/bin/sh
# The start timeout is the site's BOOT_TIMEOUT itself: not above it.
pcs resource create jc-vip ocf:heartbeat:IPaddr2 ip=192.168.10.50 cidr_netmask=24 --group jc
pcs resource create jc-site ocf:clusterkit:jobcenter-site site_name=testsite.example.com database=/mnt/jobdb boot_timeout=300 op start timeout=5min op stop timeout=400s op monitor interval=30s --group jc # EXPECT: PCMK001
