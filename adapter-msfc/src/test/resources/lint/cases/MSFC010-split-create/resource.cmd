@echo off
cluster res "JobCenter" /create /group:"jcgpkg1"
    /type:JobCenterCluster & rem EXPECT: MSFC010
