# EXPECT: MSFC004
Get-ClusterResource -Name 'JobCenterCluster' | Set-ClusterParameter -Name 'SiteName' -Value 'jcgpkg'
