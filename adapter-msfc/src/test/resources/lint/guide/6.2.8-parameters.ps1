Get-ClusterGroup jcgpkg | Get-ClusterResource
JobCenterCluster | Set-ClusterParameter SiteName "jcgpkg"
Get-ClusterGroup jcgpkg | Get-ClusterResource
JobCenterCluster | Set-ClusterParameter DBPath "Y:\Jobdb"
Get-ClusterGroup jcgpkg | Get-ClusterResource
JobCenterCluster | Get-ClusterParameter
