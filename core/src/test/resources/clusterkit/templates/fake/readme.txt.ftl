Cluster group: [=groupName] (mode [=mode], [=retries] retries, monitor [=monitor])
<#list sites as s>
- [=s.name]: resource [=s.resourceName], timeout [=s.timeout] s, level [=s.level], enabled [=s.enabled]
</#list>
