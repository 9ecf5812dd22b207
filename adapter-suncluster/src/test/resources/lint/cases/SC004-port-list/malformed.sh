#!/bin/sh
# Port_list without protocol
clresourcetype register SUNW.gds
clresourcetype register SUNW.HAStoragePlus
clresourcegroup create m-rg
clreslogicalhostname create -g m-rg -h testsite.example.com m-lh-rs
clresource create -g m-rg -t SUNW.HAStoragePlus -p FilesystemMountPoints=/mnt/jobdb m-hasp-rs
clresource create -g m-rg -t SUNW.gds -p Start_command="/usr/lib/nqs/cluster/cjcpw testsite.example.com /mnt/jobdb" -p Stop_command="/usr/lib/nqs/cluster/cjcpw -stop testsite.example.com" -p Port_list=607 -p Child_mon_level=0 -p Resource_dependencies=m-lh-rs,m-hasp-rs -p Network_resources_used=m-lh-rs jcservice  # EXPECT: SC004
clresourcegroup online -e -M m-rg
