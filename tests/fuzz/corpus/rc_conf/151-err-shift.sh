#@ error
set -- a
shift 2
