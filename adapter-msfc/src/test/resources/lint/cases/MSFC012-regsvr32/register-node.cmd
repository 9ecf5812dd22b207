@echo off
cd /d "%SystemRoot%\cluster"
regsvr32 /s "%SystemRoot%\cluster\JobCenterClusterEx" & rem EXPECT: MSFC012
cluster /regext:"JobCenterClusterEx"
