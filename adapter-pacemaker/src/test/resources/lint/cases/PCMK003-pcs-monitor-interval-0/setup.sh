#!/bin/sh
pcs -f cib.xml resource create jc-vip ocf:heartbeat:IPaddr2 ip=192.168.10.50 --group jc
pcs -f cib.xml resource create jc-site ocf:clusterkit:jobcenter-site site_name=testsite.example.com database=/mnt/jobdb op start timeout=240s op stop timeout=240s op monitor interval=0 timeout=60s --group jc # EXPECT: PCMK003
