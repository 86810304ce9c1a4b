set -f
#@ file /etc/rc.conf.d/jail/a
from_a=read
#@ file /etc/rc.conf.d/jail/*
from_star=read
