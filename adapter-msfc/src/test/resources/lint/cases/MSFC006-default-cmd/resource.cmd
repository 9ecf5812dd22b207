@echo off
cluster res "JobCenter" /create /group:"jcgpkg1" /type:JobCenterCluster
cluster res "JobCenter" /prop PendingTimeout=180000 & rem EXPECT: MSFC006
