#!/bin/sh
# Separate resources tied by an INFINITY colocation (pcs's default score): no finding.
pcs resource create jc-vip ocf:heartbeat:IPaddr2 ip=192.168.10.50
pcs resource create jc-site ocf:clusterkit:jobcenter-site site_name=testsite.example.com database=/mnt/jobdb boot_timeout=60 stop_timeout=60 op start timeout=90s op stop timeout=180s op monitor interval=30s
pcs resource op add jc-site monitor interval=60s OCF_CHECK_LEVEL=10
pcs constraint colocation add started jc-site with jc-vip
pcs constraint order jc-vip then jc-site
