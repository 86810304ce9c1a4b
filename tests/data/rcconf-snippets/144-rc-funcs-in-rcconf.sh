add_jail() {
  local name=$1 ip=$2
  jail_list="${jail_list:+$jail_list }$name"
  eval "jail_${name}_ip=\$ip"
  eval "jail_${name}_hostname=\${name}.example.org"
}
add_jail one 192.0.2.1
add_jail two 192.0.2.2
