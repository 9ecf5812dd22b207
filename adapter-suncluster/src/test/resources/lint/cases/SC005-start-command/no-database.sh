#!/bin/sh
# Start_command without the database path
clresourcetype register SUNW.gds
clresourcetype register SUNW.HAStoragePlus
clresourcegroup create n-rg
clreslogicalhostname create -g n-rg -h testsite.example.com n-lh-rs
clresource create -g n-rg -t SUNW.HAStoragePlus -p FilesystemMountPoints=/mnt/jobdb n-hasp-rs
clresource create -g n-rg -t SUNW.gds -p Start_command="/usr/lib/nqs/cluster/cjcpw testsite.example.com" -p Stop_command="/usr/lib/nqs/cluster/cjcpw -stop testsite.example.com" -p Port_list=607/tcp -p Child_mon_level=0 -p Resource_dependencies=n-lh-rs,n-hasp-rs -p Network_resources_used=n-lh-rs jcservice  # EXPECT: SC005
clresourcegroup online -e -M n-rg
