#!/bin/sh
# cjcpw -c with Child_mon_level=-1 is the unwatched form: no finding
clresourcetype register SUNW.gds
clresourcetype register SUNW.HAStoragePlus
clresourcegroup create p-rg
clreslogicalhostname create -g p-rg -h testsite.example.com p-lh-rs
clresource create -g p-rg -t SUNW.HAStoragePlus -p FilesystemMountPoints=/mnt/jobdb p-hasp-rs
clresource create -g p-rg -t SUNW.gds -p Start_command="/usr/lib/nqs/cluster/cjcpw -c testsite.example.com /mnt/jobdb" -p Stop_command="/usr/lib/nqs/cluster/cjcpw -stop testsite.example.com" -p Port_list=607/tcp -p Child_mon_level=-1 -p Resource_dependencies=p-lh-rs,p-hasp-rs -p Network_resources_used=p-lh-rs jcservice
clresourcegroup online -e -M p-rg
