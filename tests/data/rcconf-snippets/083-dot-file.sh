before=1
. @ROOT@/etc/extra.conf
after=$from_extra
#@ file /etc/extra.conf
from_extra="read"
