#!/bin/sh
# pmfadm -s takes only [-w timeout] [signal]
pmfadm -s JobService /usr/lib/nqs/cluster/cjcpw -stop testsite.example.com  # EXPECT: SC011
pmfadm -s JobService -w 30 TERM
pmfadm -s JobService
pmfadm -k JobService KILL
