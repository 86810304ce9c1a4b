v=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab
a=${v##*a} b=${v%%a*} c=${v#*a*a*b} d=${v%a*a}
