@echo off
cluster res "JobCenter" /create /group:"jcgpkg1" /type:JobCenterCluster
cluster res "JobCenter" /priv SiteName="jcgpkg1" DBPath="Y:\Jobdb" & rem EXPECT: MSFC005
