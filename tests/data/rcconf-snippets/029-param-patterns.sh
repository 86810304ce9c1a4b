v=abcabc
a=${v#?b} b=${v##*[b]} c=${v%[!a]} d=${v%%[a-b]*}
e=${v#[[:alpha:]]} f=${v%c}
g=${v#*} h=${v##*}
