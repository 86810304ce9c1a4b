a=@ROOT@/data/*
b="@ROOT@/data/*"
set -- @ROOT@/data/*
n=$#
#@ file /data/one
#@ file /data/two
