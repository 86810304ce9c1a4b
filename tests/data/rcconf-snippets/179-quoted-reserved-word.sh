f() { :; }
"true" && a=1
