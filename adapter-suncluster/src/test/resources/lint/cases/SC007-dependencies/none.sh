#!/bin/sh
# no dependencies at all, into a group made elsewhere
clresource create -g pre-rg -t SUNW.gds -p Start_command="/usr/lib/nqs/cluster/cjcpw testsite.example.com /mnt/jobdb" -p Stop_command="/usr/lib/nqs/cluster/cjcpw -stop testsite.example.com" -p Port_list=607/tcp -p Network_resources_used=pre-lh-rs jcservice  # EXPECT: SC007
