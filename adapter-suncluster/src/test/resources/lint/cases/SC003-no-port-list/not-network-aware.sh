#!/bin/sh
# Network_aware=FALSE needs no Port_list (and its commands are not cjcpw, so they are not judged)
clresourcegroup create other-rg
clresource create -g other-rg -t SUNW.gds -p Network_aware=FALSE -p Start_command="/opt/app/bin/app" -p Stop_command="/opt/app/bin/app stop" -p Resource_dependencies=x-rs other-rs
