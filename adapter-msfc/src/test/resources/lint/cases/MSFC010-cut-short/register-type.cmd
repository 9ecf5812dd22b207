@echo off
cluster restype "NEC JobCenter Cluster Resource Type" /create & rem EXPECT: MSFC010
