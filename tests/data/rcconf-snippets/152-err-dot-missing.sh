#@ error
. @ROOT@/etc/does-not-exist
