#@ env source_rc_confs_defined=yes
from_rc=never
