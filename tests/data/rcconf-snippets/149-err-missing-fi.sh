#@ error
if true; then
  a=1
