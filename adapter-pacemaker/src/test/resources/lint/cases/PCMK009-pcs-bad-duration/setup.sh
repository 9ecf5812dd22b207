#!/bin/sh
pcs resource create jc-vip ocf:heartbeat:IPaddr2 ip=192.168.10.50 --group jc
pcs resource create jc-site ocf:clusterkit:jobcenter-site site_name=testsite.example.com database=/mnt/jobdb op start timeout=4minutes op stop timeout=240s op monitor interval=30s --group jc # EXPECT: PCMK009
pcs resource op add jc-nosuch monitor interval=10s # EXPECT: PCMK009
