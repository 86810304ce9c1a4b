f() { eval 'return 4'; never=1; }
f
s=$?
