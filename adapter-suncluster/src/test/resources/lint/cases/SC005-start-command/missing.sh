#!/bin/sh
# no Start_command
clresourcetype register SUNW.gds
clresourcetype register SUNW.HAStoragePlus
clresourcegroup create o-rg
clreslogicalhostname create -g o-rg -h testsite.example.com o-lh-rs
clresource create -g o-rg -t SUNW.HAStoragePlus -p FilesystemMountPoints=/mnt/jobdb o-hasp-rs
clresource create -g o-rg -t SUNW.gds -p Stop_command="/usr/lib/nqs/cluster/cjcpw -stop testsite.example.com" -p Port_list=607/tcp -p Child_mon_level=0 -p Resource_dependencies=o-lh-rs,o-hasp-rs -p Network_resources_used=o-lh-rs jcservice  # EXPECT: SC005
clresourcegroup online -e -M o-rg
