$ErrorActionPreference = 'Stop'
# ジョブセンター EXPECT: MSFC002
Get-ClusterResource -Name 'JobCenterCluster' | Set-ClusterParameter -Name 'SiteName' -Value 'jcgpkg'
